package org.lowtide.ui.plan;

import java.util.List;
import javafx.scene.control.TableCell;
import org.lowtide.ui.common.Tables;
import org.lowtide.ui.plan.PlanRows.WindowRow;

/** The ranked windows' "Why" cell: the reasons after the rank and the share on one line, every reason in the tooltip. */
final class ReasonsCell extends TableCell<WindowRow, List<String>> {

    @Override
    protected void updateItem(List<String> reasons, boolean empty) {
        super.updateItem(reasons, empty);
        if (empty || reasons == null || reasons.isEmpty()) {
            setText(null);
            setTooltip(null);
            return;
        }
        // The rank and the share below the median have columns of their own: show the rest first.
        List<String> shown = reasons.size() > 2 ? reasons.subList(2, reasons.size()) : reasons;
        setText(String.join(" · ", shown));
        setTooltip(Tables.cellTooltip("• " + String.join("\n• ", reasons), 520));
    }
}

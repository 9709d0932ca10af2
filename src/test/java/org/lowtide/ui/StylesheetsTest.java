package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stylesheet JavaFX cannot parse drops every rule after the error, silently: catch it here. */
class StylesheetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/org/lowtide/ui/lowtide.css", "/org/lowtide/ui/plan/plan.css"})
    void parsesWithoutErrors(String resource) throws Exception {
        URL url = StylesheetsTest.class.getResource(resource);
        assertThat(url).as(resource).isNotNull();
        CssParser.errorsProperty().clear();

        new CssParser().parse(url);

        List<CssParser.ParseError> errors = List.copyOf(CssParser.errorsProperty());
        assertThat(errors).extracting(CssParser.ParseError::getMessage).isEmpty();
    }
}

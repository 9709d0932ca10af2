package org.lowtide.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Services whose changes depend on each other.
 *
 * @param name    the group's name, for reasons and messages
 * @param kind    never or always together
 * @param members the services' names, at least two, each once
 */
public record DependencyGroup(String name, GroupKind kind, List<String> members) {

    public DependencyGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        members = List.copyOf(members);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a dependency group needs a name");
        }
        if (members.size() < 2) {
            throw new IllegalArgumentException("group " + name + " needs at least two services, has " + members.size());
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("group " + name + " names a service twice: " + members);
        }
    }
}

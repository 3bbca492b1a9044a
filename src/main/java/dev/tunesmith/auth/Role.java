package dev.tunesmith.auth;

import java.util.Locale;
import java.util.Optional;

/** The roles of the contract: everyone is a listener; creators and admins get more. */
public enum Role {
    LISTENER,
    CREATOR,
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.id().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

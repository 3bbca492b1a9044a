package dev.tunesmith.create;

import dev.tunesmith.auth.Role;
import java.util.List;

/**
 * Who asks for a creation, as the server knows them (from the verified session, never from a request
 * body or a model-filled tool argument): the user id and their current roles.
 */
public record Creator(long userId, List<String> roles) {

    /** What a listener is told when they ask for lyrics, a melody or chords. */
    public static final String NEEDS_ROLE = "writing lyrics, melodies and chords needs the creator role. "
            + "An administrator can grant it to your account (Admin → Users); until then I can build playlists, "
            + "find similar tracks and describe your taste.";

    public Creator {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Creators and admins may create. */
    public boolean mayCreate() {
        return roles.contains(Role.CREATOR.id()) || roles.contains(Role.ADMIN.id());
    }

    /** Throws a {@link CreationException} of kind {@code FORBIDDEN} unless {@link #mayCreate()}. */
    public void requireCreator() {
        if (!mayCreate()) {
            throw new CreationException(CreationException.Kind.FORBIDDEN, NEEDS_ROLE);
        }
    }
}

package dev.kdumpsim.kernel.version;

import java.util.List;

/**
 * One row of the {@link VersionTable}: from mainline release {@code since} on (and from each
 * stable release in {@code backports} on, within that stable line), {@code behaviour} has
 * {@code value}, because of {@code commit}.
 *
 * @param behaviour what changed
 * @param value its value from then on
 * @param since the first mainline release containing the commit
 * @param commit the upstream commit id (12 hex digits) or, for changes without one, the pull or
 *     mail that carries it
 * @param subject the commit's subject line
 * @param backports first stable releases of older lines that carry the change (e.g. 4.19.51)
 */
record Change(Behaviour<?> behaviour, Object value, KernelRelease since, String commit, String subject,
        List<KernelRelease> backports) {

    public Change {
        backports = List.copyOf(backports);
    }

    /** Whether {@code release} contains this change. */
    public boolean appliesTo(KernelRelease release) {
        if (release.atLeast(since)) {
            return true;
        }
        for (KernelRelease b : backports) {
            if (release.line().equals(b.line()) && release.atLeast(b)) {
                return true;
            }
        }
        return false;
    }
}

package dev.licensebot.slack.oauth;

/**
 * Where an installation is kept: its Enterprise Grid organization and workspace, '' for none. An
 * org-wide install ({@code is_enterprise_install}) names the organization and no workspace.
 */
record InstallationKey(String enterprise, String team) {

    static InstallationKey of(String enterpriseId, String teamId, Boolean orgWide) {
        return new InstallationKey(orEmpty(enterpriseId), Boolean.TRUE.equals(orgWide) ? "" : orEmpty(teamId));
    }

    /** The organization's own installation, for a workspace of it that has none of its own. */
    InstallationKey orgWide() {
        return new InstallationKey(enterprise, "");
    }

    boolean inOrganization() {
        return !enterprise.isEmpty();
    }

    /** Bound into the seal, so a sealed row moved to another workspace's key does not open. */
    String purpose(String kind) {
        return "slack " + kind + " " + enterprise + "/" + team;
    }

    static String orEmpty(String id) {
        return id == null ? "" : id;
    }
}

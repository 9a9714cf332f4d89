// Runs apex-ls's CheckForIssues (json, errors only, no cache) on each workspace given, in this one JVM, so the
// second view reuses the classes, the platform type stubs and the compiled code of the first. Each report is
// preceded by a line "#view <index>". Exit status: the highest of the runs'.
public class ApexLsViews {
    public static void main(String[] workspaces) {
        int worst = 0;
        for (int i = 0; i < workspaces.length; i++) {
            System.out.println("\n#view " + i);
            worst = Math.max(
                worst,
                io.github.apexdevtools.apexls.CheckForIssues.run(
                    "json", "none", "errors", true, scala.collection.immutable.List$.MODULE$.empty(), workspaces[i], null
                )
            );
        }
        System.out.flush();
        System.exit(worst);
    }
}

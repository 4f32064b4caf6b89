package dev.syscost.env;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether this process runs in a container, by which runtime, and the evidence. A /.dockerenv file
 * alone is not enough (an image built from a Docker image keeps it); it takes a container cgroup path,
 * /run/.containerenv or an overlay root file system.
 */
public record Container(boolean detected, String runtime, List<String> evidence) {
    /** Cgroup path fragments that container runtimes create (not the host services that run them). */
    private static final String[][] CGROUP_RUNTIMES = {
        {"kubepods", "Kubernetes"}, {"libpod", "Podman"}, {"/docker/", "Docker"}, {"docker-", "Docker"},
        {"crio-", "CRI-O"}, {"cri-containerd", "containerd"}, {"/lxc/", "LXC"}, {"lxc.payload", "LXC"},
        {"/garden/", "Garden"}};

    static Container detect(SysRoot sys) {
        List<String> evidence = new ArrayList<>();
        String runtime = "";
        boolean strong = false;
        if (sys.exists("run/.containerenv")) {
            evidence.add("/run/.containerenv present");
            runtime = "Podman";
            strong = true;
        }
        String cgroup = sys.text("proc/self/cgroup").orElse("");
        for (String[] r : CGROUP_RUNTIMES) {
            if (cgroup.contains(r[0])) {
                evidence.add("cgroup path is " + r[1] + "'s (" + r[0] + ")");
                runtime = runtime.isEmpty() ? r[1] : runtime;
                strong = true;
                break;
            }
        }
        String rootFs = rootFsType(sys.text("proc/self/mounts").orElse(""));
        if (rootFs.equals("overlay") || rootFs.equals("aufs")) {
            evidence.add("root file system is " + rootFs);
            strong = true;
        }
        if (sys.exists(".dockerenv")) {
            evidence.add(strong ? "/.dockerenv present"
                    : "/.dockerenv present, but no container cgroup or overlay root (image built from a Docker image?)");
            runtime = runtime.isEmpty() && strong ? "Docker" : runtime;
        }
        return new Container(strong, strong ? (runtime.isEmpty() ? "unknown runtime" : runtime) : "none",
                List.copyOf(evidence));
    }

    /** The file-system type mounted on "/" in a mounts table (the last such mount wins), or "". */
    static String rootFsType(String mounts) {
        String type = "";
        for (String line : mounts.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("/")) {
                type = f[2];
            }
        }
        return type;
    }
}

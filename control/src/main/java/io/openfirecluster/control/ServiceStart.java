package io.openfirecluster.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.openfirecluster.topology.LabException;
import io.openfirecluster.topology.LabService;
import io.openfirecluster.topology.ServiceRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Starts a lab's services through the engine of the Docker host each runs on: what docker:start
 * does on one host (it talks to one engine), for a lab across hosts. The same {@link ServiceRun}s,
 * in the same order: each after the services it names are healthy. A file a service mounts on one
 * host is copied into its container instead, since another host has no such path; the copy
 * keeps the file's mode, as the mount would show it.
 */
public final class ServiceStart {
    private ServiceStart() {
    }

    /** Starts RUNS in LAB, each after its {@code after} are healthy (waiting up to DEADLINE for each); one line for what fails. */
    public static void start(LabNetwork lab, List<ServiceRun> runs, Duration deadline) {
        for (ServiceRun run : runs) {
            for (LabService before : run.after()) {
                String container = lab.topology().container(before);
                try {
                    Wait.until(before.getName() + " healthy", deadline, () -> {
                        ContainerState state = lab.containers().state(container);
                        if (!state.running()) {
                            throw new LabException(before.getName() + " stopped (" + state.status() + ") before " + run.service().getName()
                                    + " could start: see its log (lab:down saves it to target/lab-logs)");
                        }
                        return state.ready();
                    });
                } catch (WaitTimeoutException e) {
                    throw new LabException(before.getName() + " was not healthy within " + deadline.toSeconds() + " s, so "
                            + run.service().getName() + " did not start: see lab:status (or raise -Dlab.ready.timeout)");
                }
            }
            DockerClient engine = lab.engine(run.service());
            String id = engine.createContainerCmd(run.image())
                    .withName(run.container())
                    .withLabels(run.labels())
                    .withEnv(run.env().entrySet().stream().map(variable -> variable.getKey() + "=" + variable.getValue()).toList())
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(run.networkMode()))
                    .exec().getId();
            for (String mount : run.mounts()) {
                copyMount(lab.containers(), run.container(), mount);
            }
            engine.startContainerCmd(id).exec();
            lab.log("started " + run.container() + " on " + run.service().getDockerHost().name());
        }
    }

    /** MOUNT ("HOST_PATH:CONTAINER_PATH[:ro]") as a copy of this machine's file or directory into CONTAINER. */
    private static void copyMount(Containers containers, String container, String mount) {
        String[] parts = mount.split(":");
        Path source = Path.of(parts[0]);
        String target = parts[1].replaceAll("^/+", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes); Stream<Path> files = Files.walk(source)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : files.sorted().toList()) {
                String relative = source.relativize(file).toString();
                String name = relative.isEmpty() ? target : target + "/" + relative;
                boolean directory = Files.isDirectory(file);
                TarArchiveEntry entry = new TarArchiveEntry(directory ? name + "/" : name);
                entry.setMode((directory ? 040000 : 0100000) | mode(file));
                entry.setSize(directory ? 0 : Files.size(file));
                entry.setModTime(Files.getLastModifiedTime(file).toMillis());
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(file)) {
                    Files.copy(file, tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new LabException("cannot read " + source + " for " + container + " (" + e.getMessage() + "): lab:up writes it; run lab:up again");
        }
        containers.copyTo(container, "/", bytes.toByteArray());
    }

    /** FILE's permission bits, as a mount would show them (the enum runs from owner read, 0400, to others execute, 0001). */
    private static int mode(Path file) throws IOException {
        int mode = 0;
        for (PosixFilePermission permission : Files.getPosixFilePermissions(file)) {
            mode |= 0400 >> permission.ordinal();
        }
        return mode;
    }
}

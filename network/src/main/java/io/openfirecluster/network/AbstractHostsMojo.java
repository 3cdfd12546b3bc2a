package io.openfirecluster.network;

import com.github.dockerjava.api.DockerClient;
import io.openfirecluster.control.DockerClients;
import io.openfirecluster.topology.LabException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals of simulated Docker hosts (lab:hosts, lab:hosts-down): they work on this machine's
 * engine, the hosts file names the hosts for the lab, and a module's hosts live around its lab.
 */
abstract class AbstractHostsMojo extends AbstractMojo {
    /** The Docker hosts file: the lab reads each host's engine and bind address from it; the hosts' sockets are beside it. */
    @Parameter(property = "lab.hosts.file", required = true)
    private File hostsFile;

    /** A module's hosts live around its lab (lab.skip), which needs Openfire (openfire.missing, set by openfire-dist:prepare). */
    @Parameter
    private boolean skip;

    @Parameter(property = "openfire.missing")
    private boolean openfireMissing;

    @Override
    public final void execute() throws MojoFailureException {
        if (skip || openfireMissing) {
            skipped();
            getLog().info("lab: skipped" + (openfireMissing ? " (no Openfire)" : ""));
            return;
        }
        try (DockerClient machine = DockerClients.connect()) {
            execute(machine, hostsFile.toPath());
        } catch (LabException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("cannot write or remove " + hostsFile + ": " + e.getMessage());
        }
    }

    /** What the goal does with this machine's engine MACHINE and the hosts file HOSTS_FILE. */
    protected abstract void execute(DockerClient machine, Path hostsFile) throws IOException;

    /** What it does instead when skipped: nothing, for most. */
    protected void skipped() {
    }
}

// remote-viewer, the console client: found on PATH, started detached with the .vv file.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

export const VIEWER = "remote-viewer";
export const VIEWER_INSTALL_HINT =
  "install remote-viewer: `sudo apt-get install virt-viewer` (Debian/Ubuntu), `sudo dnf install virt-viewer` (Fedora/RHEL), " +
  "or virt-viewer's Windows/macOS installer; or use --out FILE and open the file with your viewer";

export function findViewer(env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, VIEWER))) return join(dir, VIEWER);
  }
  return undefined;
}

/** Starts the viewer on the file and lets it run on after this command exits. */
export function startViewer(viewer: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(viewer, [file], { detached: true, stdio: "ignore" });
    child.once("error", reject);
    child.once("spawn", () => {
      child.unref();
      resolve(child.pid ?? 0);
    });
  });
}

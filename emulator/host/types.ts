// The emulator's optional host backend: when configured, starting a VM runs its previewed libvirt
// domain on a real host and stopping destroys it. Without one, VM states are simulated only.

export interface HostBackend {
  /** Defines and starts the VM's domain. Rejects with libvirt's own error text on failure. */
  startVm(vm: { id: string; name: string; domainXml: string }): Promise<void>;
  /** Destroys (and undefines) the VM's domain; resolves when it is already gone. */
  stopVm(vmId: string): Promise<void>;
  /** What the host says about the VM's domain right now. */
  vmState(vmId: string): Promise<"running" | "stopped" | "missing">;
  /** Releases connections; the emulator calls it on close. */
  close(): Promise<void>;
}

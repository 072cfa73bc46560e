import { describe, expect, it } from "vitest";
import { poolDesktopsNeedAllowedNetwork } from "../policies.ts";
import { runStackPolicy, urnOf, type StackEntry } from "./harness.ts";
import { UNKNOWN_ARRAY, UNKNOWN_STRING } from "./unknowns.ts";

const VM = "ovirt:index:Vm";
const TEMPLATE = "ovirt:index:Template";
const POOL = "ovirt:index:Pool";
const CONFIG = { allowedNetworks: ["vdi"] };
const EXEMPT = `or add "desk-???" to exemptPools in this policy's configuration.`;

function golden(nics: unknown, template = "Blank"): StackEntry {
  return { type: VM, name: "golden", props: { name: "golden", template, vmId: UNKNOWN_STRING, ...(nics === undefined ? {} : { nics }) } };
}

/** Preview: ids unknown, the links known through the recorded dependencies. */
function previewStack(nics: unknown, vmTemplate = "Blank"): StackEntry[] {
  return [
    golden(nics, vmTemplate),
    { type: TEMPLATE, name: "gold", props: { name: "gold", sourceVm: UNKNOWN_STRING, nics: UNKNOWN_ARRAY }, dependsOn: { sourceVm: ["golden"] } },
    { type: POOL, name: "sales", props: { name: "desk-???", template: UNKNOWN_STRING }, dependsOn: { template: ["gold"] } },
  ];
}

const POOL_LABEL = 'Pool "sales" (engine name "desk-???")';
const FROM = 'Vm "golden" (through Template "gold")';

describe("pool-desktops-need-allowed-network", () => {
  it("is advisory by default and offers the allow-lists and exemptPools", () => {
    expect(poolDesktopsNeedAllowedNetwork.enforcementLevel).toBe("advisory");
    expect(Object.keys(poolDesktopsNeedAllowedNetwork.configSchema?.properties ?? {})).toEqual(["allowedNetworks", "allowedVnicProfiles", "exemptPools"]);
  });

  it("is not applicable until a list is configured", async () => {
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack([{ name: "nic1", network: "dmz" }]));
    expect(outcome.notApplicable).toMatch(/no allowedNetworks or allowedVnicProfiles configured/);
    expect(outcome.messages).toEqual([]);
  });

  it("passes a pool whose template's source VM has a NIC on an allowed network (preview, through the dependencies)", async () => {
    const nics = [{ name: "nic1", network: "dmz", interface: "virtio" }, { name: "nic2", network: "vdi", interface: "virtio" }];
    expect((await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack(nics), CONFIG)).messages).toEqual([]);
  });

  it("reports a pool whose desktops get NICs only on other networks, at the pool, naming the VM to fix", async () => {
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack([{ name: "nic1", network: "dmz" }]), CONFIG);
    expect(outcome.messages).toEqual([
      `${POOL_LABEL}: its desktops get only nic1 on network "dmz" from ${FROM}, so none is on an allowed network. ` +
        `Add a NIC on network "vdi" to the nics of Vm "golden", ${EXEMPT}`,
    ]);
    expect(outcome.urns).toEqual([urnOf(POOL, "sales")]);
  });

  it("reports a pool whose desktops get no NIC at all (a Blank-based VM without nics)", async () => {
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack(undefined), CONFIG);
    expect(outcome.messages).toEqual([
      `${POOL_LABEL}: its desktops get no NIC from ${FROM}, so none is on an allowed network. Add a NIC on network "vdi" to the nics of Vm "golden", ${EXEMPT}`,
    ]);
  });

  it("accepts a vNIC profile on the profile list, and says it cannot check one that is not", async () => {
    const nics = [{ name: "nic1", vnicProfile: "vdi-qos" }];
    expect((await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack(nics), { ...CONFIG, allowedVnicProfiles: ["vdi-qos"] })).messages).toEqual([]);
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack(nics), CONFIG);
    expect(outcome.messages).toEqual([
      `${POOL_LABEL}: could not check the network of its desktops: they get only nic1 on vNIC profile "vdi-qos" from ${FROM}, and which ` +
        `network a vNIC profile belongs to only the engine knows (list allowed profiles in allowedVnicProfiles). Make sure they get a NIC on network "vdi", ${EXEMPT}`,
    ]);
  });

  it("says it cannot check a VM that keeps unlisted NICs from its own template", async () => {
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack([{ name: "nic1", network: "dmz" }], "base-os"), CONFIG);
    expect(outcome.messages).toEqual([
      `${POOL_LABEL}: could not check the network of its desktops: they get only nic1 on network "dmz" listed on ${FROM}, plus any NICs that VM ` +
        `keeps from its template "base-os", which the policy cannot see. Make sure they get a NIC on network "vdi", ${EXEMPT}`,
    ]);
    // A listed NIC on an allowed network proves it whatever the template adds.
    expect((await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack([{ name: "nic1", network: "vdi" }], "base-os"), CONFIG)).messages).toEqual([]);
  });

  it("says it cannot check a pool whose template is not in the stack", async () => {
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, [{ type: POOL, name: "sales", props: { name: "desk-???", template: "gold" } }], CONFIG);
    expect(outcome.messages).toEqual([
      `${POOL_LABEL}: could not check the network of its desktops: its template "gold" is not a resource of this stack, so the NICs its desktops ` +
        `get are not visible to the policy. Make sure they get a NIC on network "vdi", ${EXEMPT}`,
    ]);
  });

  it("after an update, matches by ids and names and reads the Template's nics output when the source VM is elsewhere", async () => {
    const template: StackEntry = { type: TEMPLATE, name: "gold", props: { name: "gold", sourceVm: "vm-9", templateId: "t-1", nics: [{ name: "nic1", vnicProfile: "dmz" }] } };
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, [template, { type: POOL, name: "sales", props: { name: "desk-???", template: "t-1" } }], { allowedVnicProfiles: ["vdi"] });
    expect(outcome.messages).toEqual([
      `${POOL_LABEL}: its desktops get only nic1 on vNIC profile "dmz" from Template "gold", so none is on an allowed network. ` +
        `Add a NIC on vNIC profile "vdi" to the nics of the VM Template "gold" is made from, ${EXEMPT}`,
    ]);
    const byName = await runStackPolicy(poolDesktopsNeedAllowedNetwork, [
      { type: VM, name: "golden", props: { name: "golden", template: "Blank", vmId: "vm-9", nics: [{ name: "nic1", network: "vdi" }] } },
      template,
      { type: POOL, name: "sales", props: { name: "desk-???", template: "gold" } },
    ], CONFIG);
    expect(byName.messages).toEqual([]);
  });

  it("says it cannot check a template made from a VM outside the stack whose nics are not known yet", async () => {
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, [
      { type: TEMPLATE, name: "gold", props: { name: "gold", sourceVm: "vm-9", nics: UNKNOWN_ARRAY } },
      { type: POOL, name: "sales", props: { name: "desk-???", template: UNKNOWN_STRING }, dependsOn: { template: ["gold"] } },
    ], CONFIG);
    expect(outcome.messages).toEqual([
      `${POOL_LABEL}: could not check the network of its desktops: Template "gold" is made from VM "vm-9", which is not a resource of this stack, ` +
        `and its nics are not known yet. Make sure they get a NIC on network "vdi", ${EXEMPT}`,
    ]);
  });

  it("stays silent while the nics, a NIC's network or the pool's template are unknown", async () => {
    expect((await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack(UNKNOWN_ARRAY), CONFIG)).messages).toEqual([]);
    expect((await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack([{ name: "nic1", network: UNKNOWN_STRING }]), CONFIG)).messages).toEqual([]);
    expect((await runStackPolicy(poolDesktopsNeedAllowedNetwork, [{ type: POOL, name: "sales", props: { name: "desk-???", template: UNKNOWN_STRING } }], CONFIG)).messages).toEqual([]);
  });

  it("leaves exempt pools alone, by engine name or resource name", async () => {
    const stack = previewStack([{ name: "nic1", network: "dmz" }]);
    expect((await runStackPolicy(poolDesktopsNeedAllowedNetwork, stack, { ...CONFIG, exemptPools: ["desk-???"] })).messages).toEqual([]);
    expect((await runStackPolicy(poolDesktopsNeedAllowedNetwork, stack, { ...CONFIG, exemptPools: ["sales"] })).messages).toEqual([]);
  });

  it("ignores malformed lists instead of failing", async () => {
    const outcome = await runStackPolicy(poolDesktopsNeedAllowedNetwork, previewStack([]), { allowedNetworks: "vdi" });
    expect(outcome.notApplicable).toMatch(/configured/);
  });
});

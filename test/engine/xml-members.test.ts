// mapMembers (provider/engine/xml.ts): a collection answer parsed one member at a time must give
// exactly what parsing it whole gives, including members that nest elements of the same name.
import { describe, expect, it } from "vitest";
import { collection } from "../../provider/engine/model.ts";
import { mapMembers, parseXml } from "../../provider/engine/xml.ts";

const whole = (text: string) => collection(parseXml(text, "GET /vms"), "vms", "vm", "GET /vms");
const byMember = (text: string) => mapMembers(text, "vms", "vm", "GET /vms", (item) => item);

describe("mapMembers", () => {
  it("parses each VM on its own, skipping the <vm/> back-links inside followed NICs", () => {
    const text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<vms>` +
      `<vm href="/vms/a" id="a"><name>a</name><link rel="nics" href="/vms/a/nics"/><nics><nic id="n1"><name>eth0</name><vm href="/vms/a" id="a"/></nic></nics></vm>` +
      `<vm id="b"><name>b &amp; c</name><nics/></vm></vms>\n`;
    const members = byMember(text);
    expect(members).toEqual(whole(text));
    expect(members).toHaveLength(2);
    expect(members?.[0]).toMatchObject({ name: "a", nics: { nic: { name: "eth0", vm: { "@_id": "a" } } } });
    expect(members?.[1]).toMatchObject({ name: "b & c" });
  });

  it("reads an empty collection, and leaves anything else to the whole parse", () => {
    expect(byMember("<vms/>")).toEqual([]);
    expect(byMember("<vms></vms>")).toEqual([]);
    expect(byMember("<fault><reason>x</reason></fault>")).toBeUndefined();
    expect(byMember("<vms><vm id=\"a\"><name>a</name></vms>")).toBeUndefined();
  });
});

// The scrubber hides every secret the provider knows, whatever its length, in each form it takes
// on the way to the engine and back (#22: short secrets and escaped forms used to slip through).

import { describe, expect, it } from "vitest";
import { Scrubber } from "../../provider/logging.ts";

describe("Scrubber", () => {
  it("hides a secret shorter than 6 characters where it stands as a word, without eating other words", () => {
    const scrubber = new Scrubber();
    scrubber.add("pw1");
    expect(scrubber.scrub("login with pw1 failed; pw1pw1 and apw1 stay")).toBe("login with [secret] failed; pw1pw1 and apw1 stay");
    scrubber.add("abc");
    expect(scrubber.scrub('{"password":"abc"} <password>abc</password>')).toBe('{"password":"[secret]"} <password>[secret]</password>');
  });

  it("hides the XML-escaped and JSON-escaped forms of a secret", () => {
    const scrubber = new Scrubber();
    const secret = `Pa<ss>&"word'\\1`;
    scrubber.add(secret);
    const xml = `<admin_password>Pa&lt;ss&gt;&amp;&quot;word&apos;\\1</admin_password>`;
    const json = JSON.stringify({ password: secret });
    expect(scrubber.scrub(xml)).toBe("<admin_password>[secret]</admin_password>");
    expect(scrubber.scrub(json)).toBe('{"password":"[secret]"}');
    expect(scrubber.scrub(`plain ${secret}`)).toBe("plain [secret]");
  });

  it("hides a secret that contains another whole", () => {
    const scrubber = new Scrubber();
    scrubber.add("secret-one");
    scrubber.add("secret-one-two");
    expect(scrubber.scrub("x secret-one-two y")).toBe("x [secret] y");
  });
});

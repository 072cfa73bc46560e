// provider/shapes.generated.ts is what scripts/gen-shapes.ts makes of schema.json today: a schema
// change without a regeneration fails here (run `node scripts/gen-shapes.ts`, or scripts/gen-sdk.sh).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateShapes, SHAPES_FILE } from "../../scripts/gen-shapes.ts";
import { TERRAFORM_NAMES } from "../../provider/shapes.generated.ts";

describe("the typed shapes generated from schema.json", () => {
  it("are up to date", () => {
    const schemaText = readFileSync(new URL("../../schema.json", import.meta.url), "utf8");
    expect(readFileSync(SHAPES_FILE, "utf8")).toBe(generateShapes(schemaText));
  });

  it("name every resource property for Terraform in snake_case", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schema.json", import.meta.url), "utf8")) as {
      resources: Record<string, { properties: object; inputProperties: object }>;
    };
    expect(Object.keys(TERRAFORM_NAMES).sort()).toEqual(Object.keys(schema.resources).sort());
    for (const [token, resource] of Object.entries(schema.resources)) {
      const names = TERRAFORM_NAMES[token as keyof typeof TERRAFORM_NAMES].attributes as Record<string, string>;
      expect(Object.keys(names).sort()).toEqual([...new Set([...Object.keys(resource.properties), ...Object.keys(resource.inputProperties)])].sort());
      for (const [property, attribute] of Object.entries(names)) {
        expect(attribute).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(attribute.replace(/_/g, "")).toBe(property.toLowerCase());
      }
    }
  });
});

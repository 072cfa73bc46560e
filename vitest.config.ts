import { defineConfig } from "vitest/config";

// One vitest run covers every area. End-to-end suites that need the Pulumi CLI or libvirt
// are plain test files too: they skip loudly (never pass) when their tooling is missing.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "policy/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One directory per run for builds that test files share (test/dist/shared.ts).
    globalSetup: ["test/global-setup.ts"],
  },
});

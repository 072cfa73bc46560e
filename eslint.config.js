// Lint rules for the whole workspace. The generated SDK and example programs have their own builds.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "**/node_modules/", "sdk/", "examples/**/bin/", "policy/bin/", ".cache/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  // provider/engine/index.ts is the engine layer's only door; inside, the layer may change shape.
  // Its own unit tests (test/engine) may reach its internals.
  engineDoor(["**/*.ts", "**/*.mts", "**/*.js", "**/*.mjs"], "(^|/)provider/engine/(?!index\\.ts$)"),
  // Inside provider/, the same door by its relative paths (`../engine/x.ts`, `./engine/x.ts`).
  engineDoor(["provider/**/*.ts"], "(^|/)provider/engine/(?!index\\.ts$)|^(\\.\\./)+engine/(?!index\\.ts$)|^\\./engine/(?!index\\.ts$)"),
);

function engineDoor(files, regex) {
  return {
    files,
    ignores: ["provider/engine/**", "test/engine/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex, message: "Import the engine layer from provider/engine/index.ts only." }] }],
    },
  };
}

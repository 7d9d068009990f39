/** @type {import('jest').Config} */
module.exports = {
	roots: ["<rootDir>/tests"],
	testMatch: ["**/*.test.ts"],
	testPathIgnorePatterns: ["/tests/browser/"],
	transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2021" } }] },
	moduleNameMapper: { "^obsidian$": "<rootDir>/tests/stand-in/obsidian.ts" },
	transformIgnorePatterns: ["/node_modules/(?!(happy-dom|whatwg-mimetype|entities)/)"],
	testEnvironment: "node",
	testTimeout: 30000,
	setupFiles: ["<rootDir>/tests/setup/env.ts"],
	testEnvironmentOptions: { globalsCleanup: "off" },
};

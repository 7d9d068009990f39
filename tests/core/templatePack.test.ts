import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { makeTemplate, makeTemplateFile } from "../../src/core/template";
import { packTemplate, unpackTemplate } from "../../src/core/templatePack";
import { loadTemplate, TEMPLATE_INFO } from "../../src/generated/vaultTemplate";

describe("template pack", () => {
	it("round-trips paths, texts and hashes; keeps the properties of template notes only", () => {
		const file = fc.record({
			path: fc.string({ minLength: 1 }).filter((s) => !s.includes("\u0000")),
			content: fc.string({ unit: "grapheme" }).filter((s) => !s.includes("\u0000")),
			template: fc.boolean(),
		});
		fc.assert(fc.property(fc.array(file, { maxLength: 20 }), (files) => {
			const t = makeTemplate(files.map((f) => makeTemplateFile(f.path, f.content, f.template ? { type: "template", "template-for": "concept" } : { type: "concept" })));
			const back = unpackTemplate(packTemplate(t));
			expect(back.version).toBe(t.version);
			expect(back.files.map((f) => [f.path, f.content, f.hash])).toEqual(t.files.map((f) => [f.path, f.content, f.hash]));
			expect(back.files.map((f) => f.frontmatter)).toEqual(t.files.map((f) => (f.frontmatter?.type === "template" ? f.frontmatter : null)));
		}), { numRuns: 100 });
	});

	it("refuses a NUL in a note and names the file", () => {
		expect(() => packTemplate(makeTemplate([makeTemplateFile("a.md", "x\u0000y", null)]))).toThrow(/a\.md: a NUL/);
	});

	it("the bundle's notes are exactly the files in vault-template/", () => {
		const t = loadTemplate();
		expect(t.files.length).toBe(TEMPLATE_INFO.files);
		expect(t.version).toBe(TEMPLATE_INFO.version);
		for (const f of t.files) expect(f.content).toBe(readFileSync(join("vault-template", f.path), "utf8").replace(/\r\n?/g, "\n"));
		const templates = t.files.filter((f) => f.frontmatter !== null);
		expect(templates.length).toBeGreaterThanOrEqual(3);
		expect(templates.every((f) => typeof f.frontmatter?.["template-for"] === "string")).toBe(true);
	});
});

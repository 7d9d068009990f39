import { mkdtempSync, mkdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { mlsd } from "../helpers/cli";

describe("mlsd prompt", () => {
	it("prints JSON, and the same seed gives the same draw", () => {
		const a = mlsd("prompt", "vault-template", "--seed", "11", "--json");
		const b = mlsd("prompt", "vault-template", "--seed", "11", "--json");
		expect(a.code).toBe(0);
		expect(a.stdout).toBe(b.stdout);
		const d = JSON.parse(a.stdout) as { case: string; prompt: string; twist: string | null };
		expect(typeof d.case).toBe("string");
		expect(d.prompt.length).toBeGreaterThan(10);
		expect(typeof d.twist).toBe("string");
		const seeds = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => JSON.parse(mlsd("prompt", "vault-template", "--seed", String(s), "--json").stdout).case));
		expect(seeds.size).toBeGreaterThan(2);
	});
	it("names the twist note it drew and the case's domain, and the twist fits that domain", () => {
		for (const seed of ["1", "2", "3", "4", "5"]) {
			const d = JSON.parse(mlsd("prompt", "tests/fixtures/twist-vault", "--seed", seed, "--json").stdout) as { domain: string; twistNote: string; twist: string };
			expect(d.twistNote).toMatch(/^Twist - /);
			if (d.domain === "search") expect(d.twistNote).toBe("Twist - Any traffic");
			if (d.domain === "speech") expect(["Twist - Any traffic", "Twist - Speech accents"]).toContain(d.twistNote);
		}
		const none = mlsd("prompt", "tests/fixtures/twist-vault", "--domain", "search", "--seed", "1", "--json");
		expect(JSON.parse(none.stdout)).toMatchObject({ domain: "search" });
		const off = JSON.parse(mlsd("prompt", "tests/fixtures/twist-vault", "--no-twist", "--seed", "1", "--json").stdout);
		expect(off).toMatchObject({ twist: null, twistNote: null });
	});
	it("says so on stderr when no twist note fits, and still draws", () => {
		const dir = mkdtempSync(join(tmpdir(), "mlsd-"));
		writeFileSync(join(dir, "Search.md"), "---\ntype: case-study\ntags: [mlsd/case-study]\ndomain: search\ndifficulty: easy\nprompts:\n  - Design search.\n---\n");
		writeFileSync(join(dir, "Twist - Fraud only.md"), "---\ntype: twist\nfits: [fraud-risk]\ntags: [mlsd/twist]\n---\nChargebacks spike.\n");
		const r = mlsd("prompt", dir, "--json");
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toMatchObject({ prompt: "Design search.", twist: null, twistNote: null, domain: "search" });
		expect(r.stderr).toMatch(/None of the 1 twist notes fits the domain "search"/);
	});
	it("respects filters and exits non-zero naming the filter that emptied the pool", () => {
		const d = JSON.parse(mlsd("prompt", "vault-template", "--domain", "ads", "--seed", "3", "--no-twist", "--json").stdout);
		expect(d).toMatchObject({ twist: null, domain: "ads" });
		const r = mlsd("prompt", "vault-template", "--domain", "speech", "--difficulty", "easy");
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/filter difficulty "easy"/);
	});
	it("draws a personal case that has only properties, and names broken notes", () => {
		const dir = mkdtempSync(join(tmpdir(), "mlsd-"));
		mkdirSync(join(dir, "Mine"));
		writeFileSync(join(dir, "Mine", "Voice notes.md"), "---\ntags: [mlsd/case-study]\ndomain: speech\ndifficulty: easy\nprompts:\n  - Design a voice note transcriber.\n---\n");
		writeFileSync(join(dir, "Mine", "Broken.md"), "---\ntags: [mlsd/case-study]\ndomain: [\n---\n");
		const r = mlsd("prompt", dir, "--json", "--no-twist");
		expect(JSON.parse(r.stdout)).toMatchObject({ case: "Voice notes", prompt: "Design a voice note transcriber." });
		expect(r.stderr).toContain("skipped Mine/Broken.md");
	});
});

describe("mlsd checklist", () => {
	it("prints the steps in order then the case's own items", () => {
		const r = mlsd("checklist", "vault-template", "--case", "Ad click-through rate prediction");
		expect(r.code).toBe(0);
		const order = [1, 2, 3, 4, 5, 6, 7].map((n) => r.stdout.indexOf(`## Step ${n}:`));
		expect(order.every((v, i) => v > 0 && (i === 0 || v > order[i - 1]!))).toBe(true);
		expect(r.stdout.indexOf("## Specific to Ad click-through rate prediction")).toBeGreaterThan(order[6]!);
		expect(r.stdout).toContain("*(from [[Example - my extra data checks]])*");
	});
	it("answers an unknown case with the valid names and the closest one, exit 2", () => {
		const r = mlsd("checklist", "vault-template", "--case", "fraud detection");
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--case "fraud detection" is not valid/);
		expect(r.stderr).toContain("Ad click-through rate prediction, ");
		expect(r.stderr).toMatch(/Did you mean "Real-time payment fraud detection"\?/);
		expect(r.stdout).toBe("");
	});
	it("takes a case name in any letter case", () => {
		const r = mlsd("checklist", "vault-template", "--case", "ad click-through rate PREDICTION");
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("## Specific to Ad click-through rate prediction");
	});
});

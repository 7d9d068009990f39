/** The CLI catches mistakes: unknown flags and commands, wrong values, stray arguments; help and version never run a command. */
import { readdirSync, readFileSync } from "fs";
import { closest, distance } from "../../src/cli/args";
import { mlsd } from "../helpers/cli";

const manifest = JSON.parse(readFileSync("manifest.json", "utf8")) as { version: string };

describe("mlsd argument checks", () => {
	it("--version prints the plugin version", () => {
		expect(mlsd("--version")).toMatchObject({ code: 0, stdout: `mlsd ${manifest.version}\n` });
	});

	it("an unknown flag exits 2, names it and the closest valid one, and runs nothing", () => {
		const r = mlsd("prompt", "vault-template", "--domian", "recsys", "--json");
		expect(r.code).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(/Unknown option --domian for mlsd prompt\. Did you mean --domain\?/);
		const c = mlsd("checklist", "vault-template", "--cse", "X");
		expect(c.code).toBe(2);
		expect(c.stdout).toBe("");
		expect(c.stderr).toMatch(/Unknown option --cse .*Did you mean --case\?/);
	});

	it("a wrong domain is answered with the valid ones and the closest match", () => {
		const r = mlsd("prompt", "vault-template", "--domain", "recsyz");
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--domain "recsyz" is not valid\. Valid values: ads, .*recsys.*\. Did you mean "recsys"\?/);
		const d = mlsd("prompt", "vault-template", "--difficulty", "hrad");
		expect(d.code).toBe(2);
		expect(d.stderr).toMatch(/Valid values: easy, medium, hard\. Did you mean "hard"\?/);
		expect(mlsd("prompt", "vault-template", "--source", "mine").stderr).toMatch(/Valid values: both, shipped, personal/);
		expect(mlsd("prompt", "vault-template", "--seed", "1.5").stderr).toMatch(/--seed must be a whole number/);
	});

	it("a domain in another letter case is the same domain", () => {
		const r = mlsd("prompt", "vault-template", "--domain", "ADS", "--seed", "2", "--json");
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toMatchObject({ domain: "ads" });
	});

	it("<command> --help prints that command's help and does nothing else", () => {
		const r = mlsd("prompt", "--help");
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^Usage: mlsd prompt <folder>/);
		expect(r.stdout).toContain("--difficulty L");
		expect(r.stdout).not.toMatch(/seed \d+\)/);
		for (const c of ["install", "doctor", "checklist", "cases", "progress"]) expect(mlsd(c, "--help").stdout).toMatch(new RegExp(`^Usage: mlsd ${c} `));
		expect(mlsd("help", "cases").stdout).toMatch(/^Usage: mlsd cases <folder>/);
	});

	it("an unknown command names the closest one; a missing or extra argument is named", () => {
		expect(mlsd("promtp", "vault-template")).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown command "promtp"\. Valid commands: .*Did you mean "prompt"\?/) });
		expect(mlsd("cases")).toMatchObject({ code: 2, stderr: expect.stringMatching(/mlsd cases needs a <folder>/) });
		expect(mlsd("cases", "vault-template", "ads")).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unexpected argument "ads"/) });
		expect(mlsd("prompt", "vault-template", "--seed")).toMatchObject({ code: 2, stderr: expect.stringMatching(/--seed needs a value/) });
	});
});

describe("mlsd cases", () => {
	it("lists every case study as JSON, and filters by domain", () => {
		const all = JSON.parse(mlsd("cases", "vault-template", "--json").stdout) as { name: string; domain: string; difficulty: string; prompts: number; origin: string }[];
		const files = readdirSync("vault-template/Case studies").filter((f) => f.endsWith(".md"));
		expect(all.map((c) => `${c.name}.md`).sort()).toEqual([...files].sort());
		expect(all.every((c) => c.prompts >= 1 && ["easy", "medium", "hard"].includes(c.difficulty))).toBe(true);
		const ads = JSON.parse(mlsd("cases", "vault-template", "--domain", "ads", "--json").stdout) as { domain: string }[];
		expect(ads.length).toBe(all.filter((c) => c.domain === "ads").length);
		expect(ads.every((c) => c.domain === "ads")).toBe(true);
	});

	it("prints one line per case and a count", () => {
		const r = mlsd("cases", "vault-template", "--domain", "speech");
		expect(r.code).toBe(0);
		const lines = r.stdout.trim().split("\n");
		expect(lines.at(-1)).toMatch(/^\d+ case stud(y|ies) in speech\.$/);
		expect(lines.slice(0, -1).every((l) => / speech /.test(l))).toBe(true);
	});
});

describe("closest match", () => {
	it("finds slips and transpositions, and nothing for unrelated words", () => {
		expect(distance("domian", "domain")).toBe(1);
		expect(closest("recsyz", ["ads", "recsys", "search"])).toBe("recsys");
		expect(closest("fraud", ["fraud-risk", "forecasting"])).toBe("fraud-risk");
		expect(closest("zzzzzz", ["ads", "recsys"])).toBeNull();
	});
});

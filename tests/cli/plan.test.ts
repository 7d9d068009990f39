import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { mlsd, treeHash } from "../helpers/cli";

const FIXTURE = "tests/fixtures/practice-vault";

describe("mlsd plan", () => {
	it("gives daysLeft and a non-empty today as JSON, changing nothing", () => {
		const before = treeHash(FIXTURE);
		const r = mlsd("plan", FIXTURE, "--interview-date", "2026-02-08", "--today", "2026-01-20", "--json");
		expect(r.code).toBe(0);
		const p = JSON.parse(r.stdout);
		expect(p.daysLeft).toBe(19);
		expect(p.today.length).toBeGreaterThan(0);
		expect(p.today[0]).toMatchObject({ kind: "mock", case: "Feed ranking" });
		expect(p.schedule).toHaveLength(19);
		// Every rated case comes back before the interview.
		for (const c of ["Feed ranking", "Fraud detection"]) expect(p.schedule.some((d: { reviews: string[] }) => d.reviews.includes(c))).toBe(true);
		expect(r.stderr).toMatch(/skipped Practice\/Practice 2026-01-14 Edited by hand.md/);
		expect(treeHash(FIXTURE)).toBe(before);
	});

	it("reads the plugin's saved settings, and options override them", () => {
		const vault = mkdtempSync(join(tmpdir(), "mlsd-plan-"));
		mkdirSync(join(vault, ".obsidian", "plugins", "ml-system-design-vault"), { recursive: true });
		writeFileSync(join(vault, ".obsidian", "plugins", "ml-system-design-vault", "data.json"), JSON.stringify({
			schema: 1, settings: { interviewDate: "2026-03-01", anchors: ["Fraud"], targetDomains: ["recsys"] },
		}));
		for (const [name, domain] of [["Feed", "recsys"], ["Fraud", "fraud-risk"], ["Ads", "ads"]]) {
			writeFileSync(join(vault, `${name}.md`), `---\ntype: case-study\ntags: [mlsd/case-study]\ndomain: ${domain}\ndifficulty: easy\nprompts:\n  - Design ${name}.\n---\n`);
		}
		const saved = JSON.parse(mlsd("plan", vault, "--today", "2026-02-01", "--json").stdout);
		expect(saved).toMatchObject({ interviewDate: "2026-03-01", daysLeft: 28, mock: { case: "Fraud", kind: "new" } });
		const text = mlsd("plan", vault, "--today", "2026-02-01", "--interview-date", "2026-02-15", "--anchors", "Ads");
		expect(text.stdout).toMatch(/^Interview on 2026-02-15: 14 days left\.\n\nToday:\n {2}- Run a mock interview of Ads \(new: one of your anchor cases\)\./);
	});

	it("explains bad arguments", () => {
		expect(mlsd("plan").code).toBe(2);
		const bad = mlsd("plan", FIXTURE, "--interview-date", "2026-02-30");
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--interview-date must be a date such as 2026-03-01/);
		expect(mlsd("plan", FIXTURE, "--new-per-day", "lots").stderr).toMatch(/--new-per-day must be a whole number/);
		expect(mlsd("plan", "no-such-folder").stderr).toMatch(/"no-such-folder" is not a folder/);
	});
});

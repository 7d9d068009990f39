/**
 * The practice loop's commands: mock interview timer, self-review, the next
 * due case and the progress note (flashcards: ../flashcards/commands.ts). Ids carry no plugin
 * prefix; no default hotkeys.
 */
import { Notice } from "obsidian";
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { activeIsPractice, openProgress, practiseNextDue, selfReviewActive, startMockInterview, stopMockInterview } from "./actions";
import { errorText } from "./practiceNotes";
import { TimerService } from "./TimerService";

/** Available only while a mock interview is running or paused. */
function whileTiming(timer: TimerService, run: () => unknown): (checking: boolean) => boolean {
	return (checking) => {
		if (!timer.active) return false;
		if (!checking) run();
		return true;
	};
}

function report(task: Promise<void>): void {
	task.catch((e: unknown) => new Notice(errorText(e)));
}

/** Registers the practice commands and the timer (which restores a saved interview once the layout is ready). */
export function registerPracticeCommands(host: PluginHost, catalog: CatalogService): TimerService {
	const { plugin } = host;
	const timer = new TimerService(host);
	timer.register();
	plugin.addCommand({ id: "start-mock-interview", name: "Start mock interview", callback: () => startMockInterview(host, catalog, timer) });
	plugin.addCommand({ id: "pause-mock-interview", name: "Pause or resume mock interview", checkCallback: whileTiming(timer, () => timer.togglePause()) });
	plugin.addCommand({ id: "next-interview-step", name: "Next interview step", checkCallback: whileTiming(timer, () => timer.next()) });
	plugin.addCommand({ id: "stop-mock-interview", name: "Stop mock interview", checkCallback: whileTiming(timer, () => report(stopMockInterview(host, catalog, timer))) });
	plugin.addCommand({
		id: "self-review",
		name: "Self-review this practice note",
		checkCallback: (checking) => {
			if (!activeIsPractice(host)) return false;
			if (!checking) selfReviewActive(host, catalog);
			return true;
		},
	});
	plugin.addCommand({ id: "practise-next-due", name: "Practise the next due case", callback: () => report(practiseNextDue(host, catalog)) });
	plugin.addCommand({ id: "open-progress", name: "Open progress", callback: () => report(openProgress(host, catalog)) });
	return timer;
}

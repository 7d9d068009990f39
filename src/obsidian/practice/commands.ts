/**
 * The practice loop's commands and views: today's plan, the interview date,
 * practising a chosen case (whole or a partial drill), the mock interview
 * clock, the self-review, the interviewer's card and progress (flashcards:
 * ../flashcards/commands.ts). Ids carry no plugin prefix; no default hotkeys.
 */
import { Notice } from "obsidian";
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { activeCase, activeIsPractice, practiseNextDue, selfReviewActive, startMockInterview, stopMockInterview } from "./actions";
import { InterviewDateModal } from "./InterviewDateModal";
import { INTERVIEWER_CARD_VIEW, InterviewerCardView, openInterviewerCard } from "./InterviewerCardView";
import { practiseThisCase } from "./PractiseModal";
import { errorText } from "./practiceNotes";
import { openProgressView, PROGRESS_VIEW, ProgressView } from "./ProgressView";
import { TimerService } from "./TimerService";
import { TodayPlanModal } from "./TodayPlanModal";

/** Available only while a mock interview is running or paused. */
function whileTiming(timer: TimerService, run: () => unknown): (checking: boolean) => boolean {
	return (checking) => {
		if (!timer.active) return false;
		if (!checking) run();
		return true;
	};
}

function report(task: Promise<unknown>): void {
	task.catch((e: unknown) => new Notice(errorText(e)));
}

/** Registers the practice commands, views and the timer (which restores a saved interview once the layout is ready). */
export function registerPracticeCommands(host: PluginHost, catalog: CatalogService): TimerService {
	const { plugin } = host;
	const timer = new TimerService(host);
	timer.register({
		onIdle: () => {
			if (activeIsPractice(host)) report(startMockInterview(host, catalog, timer));
			else new TodayPlanModal(host, catalog, timer).open();
		},
		onFinish: () => report(stopMockInterview(host, catalog, timer)),
	});
	plugin.registerView(INTERVIEWER_CARD_VIEW, (leaf) => new InterviewerCardView(leaf, catalog));
	plugin.registerView(PROGRESS_VIEW, (leaf) => new ProgressView(leaf, host, catalog, timer));

	plugin.addCommand({ id: "todays-plan", name: "Today's plan", callback: () => new TodayPlanModal(host, catalog, timer).open() });
	plugin.addCommand({ id: "set-interview-date", name: "Set interview date", callback: () => new InterviewDateModal(host, catalog).open() });
	plugin.addCommand({
		id: "practise-this-case",
		name: "Practise this case",
		callback: () => {
			catalog.announceSkipped();
			practiseThisCase(host, catalog, timer, activeCase(host, catalog));
		},
	});
	plugin.addCommand({ id: "start-mock-interview", name: "Start mock interview", callback: () => report(startMockInterview(host, catalog, timer)) });
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
	plugin.addCommand({ id: "open-interviewer-card", name: "Open interviewer card", callback: () => report(openInterviewerCard(host, catalog, timer)) });
	plugin.addCommand({ id: "practise-next-due", name: "Practise the next due case", callback: () => report(practiseNextDue(host, catalog)) });
	plugin.addCommand({ id: "open-progress", name: "Open progress", callback: () => report(openProgressView(host)) });
	return timer;
}

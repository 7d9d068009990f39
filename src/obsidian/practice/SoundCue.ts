/**
 * A short generated tone (Web Audio, no sound files) when a step's time is up
 * or the interviewer speaks. One AudioContext, made on first use and closed on
 * unload; every oscillator and gain node is disconnected as soon as its tone
 * ends, so nothing outlives the cue.
 */

type AudioContextCtor = new () => AudioContext;

export type CueSound = "time-up" | "interviewer";

/** Frequencies (Hz) of the notes of each cue: two falling notes for time up, one rising pair for the interviewer. */
const NOTES: Record<CueSound, number[]> = { "time-up": [880, 660], interviewer: [523, 784] };
const NOTE_SECONDS = 0.16;

export class SoundCue {
	private context: AudioContext | null = null;
	private live = new Set<AudioNode>();

	/** `enabled` is read on every cue, so the setting applies at once. */
	constructor(private readonly enabled: () => boolean, private readonly ctor: () => AudioContextCtor | undefined = defaultCtor) {}

	/** Plays a cue when sound is on and the platform has Web Audio; never throws. */
	play(kind: CueSound): void {
		if (!this.enabled()) return;
		try {
			const ctx = this.ensureContext();
			if (!ctx) return;
			if (ctx.state === "suspended") void ctx.resume().catch(() => undefined);
			NOTES[kind].forEach((freq, i) => this.tone(ctx, freq, ctx.currentTime + i * NOTE_SECONDS));
		} catch {
			// A missing or blocked audio device is not worth interrupting an interview for.
		}
	}

	/** Nodes still playing (for tests). */
	get activeNodes(): number {
		return this.live.size;
	}

	/** Stops every tone, disconnects every node and closes the context. */
	close(): void {
		for (const node of this.live) {
			try {
				if (isOscillator(node)) node.stop();
			} catch {
				// already stopped
			}
			node.disconnect();
		}
		this.live.clear();
		const ctx = this.context;
		this.context = null;
		if (ctx && ctx.state !== "closed") void ctx.close().catch(() => undefined);
	}

	private ensureContext(): AudioContext | null {
		if (this.context) return this.context;
		const Ctor = this.ctor();
		if (!Ctor) return null;
		this.context = new Ctor();
		return this.context;
	}

	private tone(ctx: AudioContext, frequency: number, start: number): void {
		const osc = ctx.createOscillator();
		const gain = ctx.createGain();
		osc.type = "sine";
		osc.frequency.value = frequency;
		// A soft attack and decay, so the tone does not click.
		gain.gain.setValueAtTime(0.0001, start);
		gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
		gain.gain.exponentialRampToValueAtTime(0.0001, start + NOTE_SECONDS);
		osc.connect(gain);
		gain.connect(ctx.destination);
		this.live.add(osc);
		this.live.add(gain);
		osc.onended = () => {
			osc.disconnect();
			gain.disconnect();
			this.live.delete(osc);
			this.live.delete(gain);
		};
		osc.start(start);
		osc.stop(start + NOTE_SECONDS + 0.02);
	}
}

/** Oscillators are the nodes with `stop` (no global OscillatorNode needed, which tests may not have). */
function isOscillator(n: AudioNode): n is OscillatorNode {
	return typeof (n as { stop?: unknown }).stop === "function";
}

function defaultCtor(): AudioContextCtor | undefined {
	const w = activeWindow as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
	return w.AudioContext ?? w.webkitAudioContext;
}

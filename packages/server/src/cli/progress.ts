// Progress of a long command on stderr (stdout may be the data itself): a redrawn bar on a terminal, a plain
// line every few seconds when stderr is a file or a pipe, so logs stay readable.

export interface ProgressState {
  /** Work done and total in any unit (bytes of the input, members to export); drives the percentage and ETA. */
  done: number;
  total: number;
  /** Rows handled so far, for the rate. */
  rows: number;
}

const BAR_WIDTH = 24;
const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 5000;

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private drawn = false;
  private drawnState: ProgressState | null = null;
  private state: ProgressState = { done: 0, total: 0, rows: 0 };

  constructor(private readonly label: string, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(state: ProgressState): void {
    this.state = state;
    const now = Date.now();
    if (now - this.last < (this.stream.isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS)) return;
    this.last = now;
    this.draw();
  }

  /** Draws the final state and ends the line, so what follows starts on a line of its own. */
  finish(): void {
    if (this.drawnState !== this.state) this.draw();
    if (this.stream.isTTY && this.drawn) this.stream.write('\n');
  }

  private draw(): void {
    this.drawnState = this.state;
    const line = formatProgress(this.label, this.state, Date.now() - this.started);
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\x1b[K`);
      this.drawn = true;
    } else {
      this.stream.write(`${line}\n`);
    }
  }
}

export function formatProgress(label: string, state: ProgressState, elapsedMs: number): string {
  const fraction = state.total > 0 ? Math.min(1, state.done / state.total) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(state.rows / seconds) : 0;
  const eta = fraction > 0 && fraction < 1 ? `ETA ${duration((seconds * (1 - fraction)) / fraction)}` : fraction >= 1 ? `in ${duration(seconds)}` : 'ETA —';
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${label} ${percent} ${bar} ${state.rows.toLocaleString('en-US')} rows  ${rate.toLocaleString('en-US')} rows/s  ${eta}`;
}

function duration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

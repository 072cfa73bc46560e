// Exit codes a script can test, each with the message a person reads. README "Open a desktop".

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  notEntitled: 3,
  noDesktopFree: 4,
  consoleDisabled: 5,
  viewerMissing: 6,
  notRunning: 7,
} as const;

export class ConsoleFailure extends Error {
  readonly exitCode: number;

  constructor(exitCode: number, message: string) {
    super(message);
    this.exitCode = exitCode;
    this.name = "ConsoleFailure";
  }
}

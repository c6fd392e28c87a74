/**
 * A problem with the folder a report is made from (missing, not a crm-sim output folder, a file
 * that does not parse): the user's mistake, shown as one line by the command line.
 */
export class ReportInputError extends Error {
  /** @param message - What is wrong, naming the file. */
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

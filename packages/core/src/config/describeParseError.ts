import { readFileSync } from 'node:fs';

/** The 1-based line and column of a character offset in `text`. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${String(before.length)}:${String((before.at(-1)?.length ?? 0) + 1)}`;
}

/**
 * The offset of the first character JSON.parse refuses in `text`: the shortest prefix that
 * fails other than by ending early. V8 names the position for some errors and not for others
 * ("Unexpected token '}', ... is not valid JSON"), so it is searched for by bisection.
 */
function jsonErrorOffset(text: string): number {
  const failsWithin = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      if (message.includes('Unexpected end of JSON input')) return false;
      const at = /at position (\d+)/.exec(message);
      return at ? Number(at[1]) < length : true;
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsWithin(middle + 1)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** V8's JSON message without the echoed text and position: `Unexpected token '}'`. */
function jsonReason(text: string): string {
  try {
    JSON.parse(text);
    return 'invalid JSON';
  } catch (error) {
    return (error as Error).message
      .replace(/, .*is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/^Unexpected end of JSON input$/, 'unexpected end of input');
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((l) => l.trim() !== '') ?? text).trim();
}

/**
 * One line for a config file that does not parse: `<file>:<line>:<column>: cannot be parsed:
 * <reason>`. YAML errors (js-yaml, as cosmiconfig loads YAML) carry the reason and position;
 * for JSON the file is parsed again to find them. Other loaders (a .js config that throws)
 * give their first message line.
 */
export function describeParseError(error: unknown, path: string): string {
  const yaml = error as { reason?: unknown; mark?: { line?: unknown; column?: unknown } };
  if (typeof yaml.reason === 'string' && typeof yaml.mark?.line === 'number' && typeof yaml.mark.column === 'number')
    return `${path}:${String(yaml.mark.line + 1)}:${String(yaml.mark.column + 1)}: cannot be parsed: ${yaml.reason}`;
  if ((error as Error | undefined)?.name === 'JSONError') {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined)
      return `${path}:${lineColumn(text, jsonErrorOffset(text))}: cannot be parsed: ${jsonReason(text)}`;
  }
  return `${path}: cannot be parsed: ${firstLine(error)}`;
}

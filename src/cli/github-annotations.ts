// `check --format github`: GitHub Actions workflow commands, one `::error` line per file a
// finding involves, so each shows on that file in the pull request's diff. Values are escaped
// as the runner unescapes them: data has %, CR and LF encoded; properties also `:` and `,`.
import type { Finding } from '../core/findings.js';

/** The workflow-command lines of one finding (`::error file=…,line=…,title=…::…`). */
export function githubAnnotations(finding: Finding): string[] {
  const command = finding.severity === 'warning' ? 'warning' : 'error';
  const message = escapeData(`${finding.id} ${finding.message} (hint: ${finding.hint})`);
  const title = `title=${escapeProperty(finding.id)}`;
  if (finding.locations.length === 0) return [`::${command} ${title}::${message}`];
  return finding.locations.map((location) => {
    const line = location.line === undefined ? '' : `,line=${location.line}`;
    return `::${command} file=${escapeProperty(location.file)}${line},${title}::${message}`;
  });
}

/** Escapes a command's message (the part after the second `::`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (`file=`, `title=`): as data, plus the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

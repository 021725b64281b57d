/**
 * A short name for a session's device from its User-Agent header: "Chrome 142 on Windows", "Firefox 133 on
 * Linux", "curl 8.5"; the raw header when nothing is recognised. The full header stays available as a tooltip.
 */
export function describeUserAgent(ua: string | null | undefined): string | null {
  if (!ua) return null;
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad|iOS/.test(ua) ? 'iOS'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /CrOS/.test(ua) ? 'ChromeOS' : /Linux/.test(ua) ? 'Linux' : null;
  // order matters: Edge and Opera also say Chrome, Chrome also says Safari
  const browsers: [RegExp, string][] = [
    [/Edg\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/HeadlessChrome\/(\d+)/, 'Headless Chrome'],
    [/Chrome\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* .*Safari\//, 'Safari'],
    [/^curl\/([\d.]+)/, 'curl'],
    [/^Java-http-client\/([\d.]+)/, 'Java HTTP client'],
  ];
  for (const [re, name] of browsers) {
    const m = re.exec(ua);
    if (m) return os ? `${name} ${m[1]} on ${os}` : `${name} ${m[1]}`;
  }
  return ua.length > 60 ? `${ua.slice(0, 57)}…` : ua;
}

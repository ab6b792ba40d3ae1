using System.Runtime.CompilerServices;

// The parser's buffer limits and its peak-buffer figure are internal; the tests assert on them.
[assembly: InternalsVisibleTo("Flick.Core.Tests")]

using DocumentFormat.OpenXml.Packaging;

namespace PerformanceWheel.Workbooks;

/// <summary>The limits of a read: bytes decompressed, cell lengths; and the pool that keeps one copy of short texts.</summary>
public static partial class WorkbookReader
{
    /// <summary>A limit passed, or a part that cannot be read: reading stops with this problem.</summary>
    private sealed class WorkbookLimitException(WorkbookProblem problem) : Exception(problem.Kind.ToString())
    {
        public WorkbookProblem Problem { get; } = problem;
    }

    /// <summary>A text longer than <see cref="WorkbookLimits.MaxCellCharacters"/>; the caller says where.</summary>
    private sealed class CellTooLongException : Exception;

    /// <summary>The limits of one read, and the bytes decompressed so far across all parts.</summary>
    private sealed class ReadBudget(WorkbookLimits limits)
    {
        private long _total;

        public int MaxRows => limits.MaxRows;

        public int MaxCellCharacters => limits.MaxCellCharacters;

        /// <summary>The part's stream, counted as it is decompressed: past a limit reading stops with a message.</summary>
        public CountingStream Open(OpenXmlPart part) => new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), part.Uri.OriginalString, this);

        public void Count(string part, long partBytes, int read)
        {
            _total += read;
            if (partBytes > limits.MaxPartBytes)
            {
                throw new WorkbookLimitException(PartTooLarge(part));
            }

            if (_total > limits.MaxUncompressedBytes)
            {
                throw new WorkbookLimitException(WorkbookTooLarge);
            }
        }
    }

    /// <summary>A read-only stream that reports every byte read to the budget.</summary>
    private sealed class CountingStream(Stream inner, string part, ReadBudget budget) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _read += read;
            budget.Count(part, _read, read);
            return read;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// One copy of each short text of a sheet (codes, period labels, statuses repeat on thousands of rows), so the rows
    /// kept until the import is checked hold references to a few strings rather than a string per cell.
    /// </summary>
    private sealed class StringPool
    {
        private const int MaxLength = 40;
        private const int MaxCount = 50_000;
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public string Get(string text)
        {
            if (text.Length > MaxLength)
            {
                return text;
            }

            if (_strings.TryGetValue(text, out var pooled))
            {
                return pooled;
            }

            if (_strings.Count < MaxCount)
            {
                _strings[text] = text;
            }

            return text;
        }
    }
}

using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// A whole CSV file as strings: the header and every row, each row exactly as wide as the header.
/// Reading and writing go through CsvHelper with the invariant culture and '\n' line ends, so the
/// bytes a snapshot holds depend only on the values.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string[] columns, List<string[]> rows, List<int> lines)
    {
        Columns = columns;
        Rows = rows;
        Lines = lines;
    }

    public string[] Columns { get; }

    public List<string[]> Rows { get; }

    /// <summary>1-based line number where each row starts, for error messages.</summary>
    public List<int> Lines { get; }

    /// <summary>Reads <paramref name="path"/>; problems are <paramref name="errorKind"/> errors naming <paramref name="path"/>.</summary>
    public static CsvTable Read(string path, IReadOnlyList<string> requiredColumns, ErrorKind errorKind = ErrorKind.InvalidData)
    {
        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{path}: no such file");
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            DetectDelimiter = false,
        };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, config);
        try
        {
            if (!parser.Read() || parser.Record is null)
            {
                throw new FaceEvalException(errorKind, $"{path}: empty file, expected a header row with {string.Join(",", requiredColumns)}");
            }

            var columns = parser.Record.Select(c => c.Trim()).ToArray();
            var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new FaceEvalException(errorKind, $"{path}: column '{duplicate.Key}' appears more than once in the header");
            }

            var missing = requiredColumns.Where(c => !columns.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw new FaceEvalException(errorKind,
                    $"{path}: missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (header: {string.Join(",", columns)})");
            }

            var rows = new List<string[]>();
            var lines = new List<int>();
            while (parser.Read())
            {
                var record = parser.Record!;
                var line = parser.RawRow - (parser.RawRecord.Count(ch => ch == '\n') - 1);
                if (record.Length != columns.Length)
                {
                    throw new FaceEvalException(errorKind,
                        $"{path} line {line}: {record.Length} fields, but the header has {columns.Length} (ragged row)");
                }

                rows.Add(record);
                lines.Add(line);
            }

            return new CsvTable(columns, rows, lines);
        }
        catch (CsvHelperException ex)
        {
            throw new FaceEvalException(errorKind, $"{path} line {parser.RawRow}: malformed CSV ({ex.GetType().Name})", ex);
        }
    }

    public int ColumnIndex(string name) => Array.IndexOf(Columns, name);

    /// <summary>Writes a table with the header first; values are quoted only where CSV needs it.</summary>
    public static void Write(string path, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n", HasHeaderRecord = false };
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        using var csv = new CsvWriter(writer, config);
        foreach (var c in columns)
        {
            csv.WriteField(c);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                csv.WriteField(value);
            }

            csv.NextRecord();
        }
    }
}

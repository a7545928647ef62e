using System.Globalization;
using CsvHelper;
using FaceEval.Core.IO;
using FaceEval.Reports.Formatting;
using FaceEval.Reports.Model;

namespace FaceEval.Reports.Exporters;

/// <summary>One <c>&lt;table id&gt;.csv</c> per table of the report, numbers in invariant round-trip form.</summary>
public sealed class CsvReportExporter : IReportExporter
{
    public string Name => "csv";

    public IReadOnlyList<string> Export(ReportDocument document, string directory)
    {
        var written = new List<string>();
        foreach (var table in document.Sections.SelectMany(s => s.Tables))
        {
            var path = Path.Combine(directory, table.Id + ".csv");
            AtomicFile.WriteAllText(path, ToCsv(table));
            written.Add(path);
        }

        return written;
    }

    public static string ToCsv(ReportTable table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(CellText.Raw(cell));
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }
}

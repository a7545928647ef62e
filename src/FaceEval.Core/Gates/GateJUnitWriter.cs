using System.Globalization;
using System.Xml;

namespace FaceEval.Core.Gates;

/// <summary>JUnit XML that CI systems display: one testsuite per gate suite, one testcase per rule.</summary>
public static class GateJUnitWriter
{
    public static void Write(GateResult result, Stream stream)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "faceeval gate");
        xml.WriteAttributeString("tests", Count(result.Suites.Sum(s => s.Checks.Count)));
        xml.WriteAttributeString("failures", Count(result.Failures.Count()));
        foreach (var suite in result.Suites)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", suite.Suite.Name);
            xml.WriteAttributeString("tests", Count(suite.Checks.Count));
            xml.WriteAttributeString("failures", Count(suite.Checks.Count(c => !c.Passed)));
            xml.WriteAttributeString("errors", "0");
            foreach (var check in suite.Checks)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", $"faceeval.gate.{suite.Suite.Name}");
                xml.WriteAttributeString("name", check.Rule.ToString());
                if (!check.Passed)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", check.Message);
                    xml.WriteString(check.Message);
                    xml.WriteEndElement();
                }
                else
                {
                    xml.WriteElementString("system-out", check.Message);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

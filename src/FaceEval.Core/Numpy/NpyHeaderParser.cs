using System.Globalization;

namespace FaceEval.Core.Numpy;

/// <summary>
/// Parses the header dictionary numpy writes, a Python literal such as
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>. Only the literal forms numpy
/// produces are accepted (strings, True/False, tuples of integers), never arbitrary Python.
/// </summary>
internal sealed class NpyHeaderParser
{
    private readonly string _text;
    private int _pos;

    private NpyHeaderParser(string text) => _text = text;

    /// <summary>Returns the three keys, or null with a reason when the header is malformed.</summary>
    public static (string? Descr, bool? FortranOrder, long[]? Shape, string? Error) Parse(string text)
    {
        var parser = new NpyHeaderParser(text);
        try
        {
            return parser.ParseDictionary();
        }
        catch (FormatException ex)
        {
            return (null, null, null, ex.Message);
        }
    }

    private (string?, bool?, long[]?, string?) ParseDictionary()
    {
        string? descr = null;
        bool? fortran = null;
        long[]? shape = null;
        Expect('{');
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _pos++;
                break;
            }

            var key = ParseString();
            Expect(':');
            switch (key)
            {
                case "descr":
                    descr = ParseString();
                    break;
                case "fortran_order":
                    fortran = ParseBool();
                    break;
                case "shape":
                    shape = ParseTuple();
                    break;
                default:
                    throw new FormatException($"unexpected header key '{key}'");
            }

            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
            }
            else if (Peek() != '}')
            {
                throw new FormatException($"expected ',' or '}}' at header offset {_pos}");
            }
        }

        SkipSpace();
        if (_pos != _text.Length)
        {
            throw new FormatException($"unexpected text after the header dictionary at offset {_pos}");
        }

        if (descr is null || fortran is null || shape is null)
        {
            throw new FormatException("header lacks one of 'descr', 'fortran_order', 'shape'");
        }

        return (descr, fortran, shape, null);
    }

    private string ParseString()
    {
        SkipSpace();
        var quote = Peek();
        if (quote != '\'' && quote != '"')
        {
            throw new FormatException($"expected a string at header offset {_pos}");
        }

        var end = _text.IndexOf(quote, _pos + 1);
        if (end < 0)
        {
            throw new FormatException("unterminated string in header");
        }

        var value = _text[(_pos + 1)..end];
        _pos = end + 1;
        return value;
    }

    private bool ParseBool()
    {
        SkipSpace();
        if (Match("True"))
        {
            return true;
        }

        if (Match("False"))
        {
            return false;
        }

        throw new FormatException($"expected True or False at header offset {_pos}");
    }

    private long[] ParseTuple()
    {
        Expect('(');
        var values = new List<long>();
        while (true)
        {
            SkipSpace();
            if (Peek() == ')')
            {
                _pos++;
                return values.ToArray();
            }

            var start = _pos;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            if (start == _pos || !long.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                throw new FormatException($"expected a non-negative integer at header offset {start}");
            }

            // Python 2 wrote long integers with an 'L' suffix.
            if (Peek() == 'L')
            {
                _pos++;
            }

            values.Add(v);
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
            }
            else if (Peek() != ')')
            {
                throw new FormatException($"expected ',' or ')' at header offset {_pos}");
            }
        }
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw new FormatException($"expected '{c}' at header offset {_pos}");
        }

        _pos++;
    }

    private bool Match(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
        {
            _pos += word.Length;
            return true;
        }

        return false;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }
}

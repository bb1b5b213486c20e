using System.Reflection;
using System.Text;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Traditional → simplified conversion with OpenCC's TSPhrases/TSCharacters tables (Apache-2.0, see OpenCC/NOTICE.txt).
/// Longest match: a phrase wins over the characters it contains; a character with several readings takes the first.
/// </summary>
internal sealed class TraditionalToSimplifiedConverter
{
    private const string CharactersResource = "WorkPlanTracker.OpenCC.TSCharacters.txt";
    private const string PhrasesResource = "WorkPlanTracker.OpenCC.TSPhrases.txt";

    private static readonly Lazy<TraditionalToSimplifiedConverter> Shared =
        new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // Indexed by UTF-16 code unit: a flat array is much faster than a dictionary for the per-character pass.
    private readonly string?[] _characters;

    // Bit n set: some phrase of length n starts with this code unit. Lets most positions skip the phrase lookup.
    private readonly uint[] _phraseLengths;

    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _phrases;

    private TraditionalToSimplifiedConverter(string?[] characters, uint[] phraseLengths, Dictionary<string, string> phrases)
    {
        _characters = characters;
        _phraseLengths = phraseLengths;
        _phrases = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static TraditionalToSimplifiedConverter Instance => Shared.Value;

    public string Convert(string text)
    {
        var firstChange = FindFirstCandidate(text);
        if (firstChange < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstChange);
        var span = text.AsSpan();
        var i = firstChange;
        while (i < span.Length)
        {
            var c = span[i];
            var lengths = _phraseLengths[c];
            if (lengths != 0 && TryMatchPhrase(span, i, lengths, out var replacement, out var matched))
            {
                builder.Append(replacement);
                i += matched;
                continue;
            }

            var mapped = _characters[c];
            if (mapped is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(mapped);
            }

            i++;
        }

        return builder.ToString();
    }

    private int FindFirstCandidate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (_characters[c] is not null || _phraseLengths[c] != 0)
            {
                return i;
            }
        }

        return -1;
    }

    private bool TryMatchPhrase(ReadOnlySpan<char> span, int start, uint lengths, out string replacement, out int matched)
    {
        var available = span.Length - start;
        for (var length = 31; length >= 2; length--)
        {
            if ((lengths & (1u << length)) == 0 || length > available)
            {
                continue;
            }

            if (_phrases.TryGetValue(span.Slice(start, length), out var value))
            {
                replacement = value;
                matched = length;
                return true;
            }
        }

        replacement = "";
        matched = 0;
        return false;
    }

    private static TraditionalToSimplifiedConverter Load()
    {
        var characters = new string?[char.MaxValue + 1];
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (key, value) in ReadTable(CharactersResource))
        {
            if (key.Length == 1)
            {
                characters[key[0]] = value;
            }
            else
            {
                // Characters outside the BMP are surrogate pairs: treat them as two-unit phrases.
                phrases[key] = value;
            }
        }

        foreach (var (key, value) in ReadTable(PhrasesResource))
        {
            // A phrase that converts the same way character by character adds nothing but lookups.
            if (key.Length <= 31 && !string.Equals(ConvertByCharacter(key, characters), value, StringComparison.Ordinal))
            {
                phrases[key] = value;
            }
        }

        var phraseLengths = new uint[char.MaxValue + 1];
        foreach (var key in phrases.Keys)
        {
            phraseLengths[key[0]] |= 1u << key.Length;
        }

        return new TraditionalToSimplifiedConverter(characters, phraseLengths, phrases);
    }

    private static string ConvertByCharacter(string key, string?[] characters)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            builder.Append(characters[c] ?? c.ToString());
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Key, string Value)> ReadTable(string resourceName)
    {
        using var stream = typeof(TraditionalToSimplifiedConverter).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var result = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var values = line.AsSpan(tab + 1).Trim();
            var space = values.IndexOf(' ');
            var first = space < 0 ? values : values[..space];
            if (!first.IsEmpty)
            {
                result.Add((line[..tab], first.ToString()));
            }
        }

        return result;
    }
}

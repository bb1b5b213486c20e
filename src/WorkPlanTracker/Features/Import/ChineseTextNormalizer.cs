using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Brings published plan text into one canonical form before parsing: ideographs instead of the radicals and
/// compatibility characters that look like them, simplified characters, no inserted pinyin, half-width letters and
/// digits, ASCII parentheses, full-width Chinese ，：；！？, plain spaces.
/// </summary>
public static partial class ChineseTextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Pinyin goes first: after conversion the annotated character may no longer be followed by it.
        var withoutPinyin = PinyinAnnotation().Replace(FoldRadicals(text), "");
        var simplified = TraditionalToSimplifiedConverter.Instance.Convert(withoutPinyin);
        return NormalizeWidthAndSpacing(simplified);
    }

    /// <summary>
    /// Puts the ideograph in place of a Kangxi radical (U+2F00–U+2FD5), a CJK radical supplement character
    /// (U+2E80–U+2EFF) or a CJK compatibility ideograph (U+F900–U+FAFF) that looks the same. Many PDFs map their glyphs
    /// to these code points (a browser's "save as PDF", some Word and WPS fonts): 一 then reads as ⼀ U+2F00, 人民 as
    /// ⼈⺠, and neither a numbering marker nor a unit name is found. Copying text out of such a PDF carries them too.
    /// Each character stays one character, so positions in the text do not move.
    /// </summary>
    public static string FoldRadicals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAnyInRange('\u2e80', '\u2fd5');
        var compatibility = text.AsSpan().IndexOfAnyInRange('\uf900', '\ufaff');
        if (first < 0 && compatibility < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (folded, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                folded[i] = FoldRadical(source[i]);
            }
        });
    }

    private static char FoldRadical(char c) => c switch
    {
        >= '\u2e80' and <= '\u2eff' => RadicalSupplement.GetValueOrDefault(c, c),
        >= '\u2f00' and <= '\u2fd5' or >= '\uf900' and <= '\ufaff' => SingleCharacter(c.ToString().Normalize(NormalizationForm.FormKC), c),
        _ => c,
    };

    private static char SingleCharacter(string normalized, char original) => normalized.Length == 1 ? normalized[0] : original;

    // Unicode's EquivalentUnifiedIdeograph.txt for U+2E81–U+2EF3, where the ideograph lies in the basic plane (NFKC folds
    // only U+2E9F and U+2EF3 of this block; the Kangxi block it folds entirely).
    private static readonly FrozenDictionary<char, char> RadicalSupplement = FromPairs(
        "⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺"
        + "⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺫目⺬示⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺶羊⺹耂⺺肀⺻聿⺼肉⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角"
        + "⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦"
        + "⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟").ToFrozenDictionary();

    private static IEnumerable<KeyValuePair<char, char>> FromPairs(string pairs)
    {
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            yield return new KeyValuePair<char, char>(pairs[i], pairs[i + 1]);
        }
    }

    /// <summary>True for CJK ideographs (basic block and extension A), the characters plan text is written in.</summary>
    internal static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static string NormalizeWidthAndSpacing(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        continue;
                    }

                    c = '\n';
                    break;
                case '\u200b' or '\u200c' or '\u200d' or '\ufeff':
                    continue;

                // Direction controls: a right-to-left override would show names and text reversed or disguised.
                case '\u200e' or '\u200f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069':
                    continue;
                case '\u3000' or '\u00a0' or '\u2002' or '\u2003' or '\u2009' or '\u202f' or ' ':
                    pendingSpace = true;
                    continue;
            }

            if (c == '\n')
            {
                pendingSpace = false;
                TrimTrailingSpaces(builder);
                builder.Append('\n');
                continue;
            }

            if (pendingSpace)
            {
                if (builder.Length > 0 && builder[^1] != '\n' && builder[^1] != '\t' && c != '\t')
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
            }

            builder.Append(MapCharacter(text, i, c));
        }

        TrimTrailingSpaces(builder);
        return builder.ToString();
    }

    private static char MapCharacter(string text, int index, char c)
    {
        switch (c)
        {
            case '（':
                return '(';
            case '）':
                return ')';
            case '，' or '：' or '；' or '！' or '？':
                // Between two ASCII digits it is a thousands separator or a time, written with the ASCII form.
                return IsAsciiDigitAt(text, index - 1) && IsAsciiDigitAt(text, index + 1) ? ToHalfWidth(c) : c;
            case ',' or ':' or ';' or '!' or '?':
                return ShouldBeChinesePunctuation(text, index) ? (char)(c + 0xFEE0) : c;
            case >= '\uff01' and <= '\uff5e':
                return ToHalfWidth(c);
            default:
                return c;
        }
    }

    private static char ToHalfWidth(char c) => (char)(c - 0xFEE0);

    // ASCII punctuation typed inside Chinese prose becomes its Chinese form, so "完成时限:" and "完成时限：" read alike;
    // between ASCII letters or digits ("10:56", "1,200") it is left alone.
    private static bool ShouldBeChinesePunctuation(string text, int index)
    {
        var before = NeighbourAt(text, index, -1);
        var after = NeighbourAt(text, index, +1);
        if (after == '/')
        {
            return false;
        }

        return !(IsAsciiWordChar(before) && (IsAsciiWordChar(after) || after == '\0'));
    }

    private static char NeighbourAt(string text, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < text.Length; i += step)
        {
            var c = text[i];
            if (c is ' ' or '\u3000' or '\u00a0')
            {
                continue;
            }

            return c is '\n' or '\r' ? '\0' : c;
        }

        return '\0';
    }

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is >= '\uff10' and <= '\uff19';

    private static bool IsAsciiDigitAt(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsAsciiDigit(text[index]) || text[index] is >= '\uff10' and <= '\uff19');

    private static void TrimTrailingSpaces(StringBuilder builder)
    {
        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }
    }

    // A pinyin syllable with a tone mark in parentheses after a character: 務(wù), 號(hào), and after mojibake such as
    // "茖W(xué)". The tone mark is what tells it from prose like "(a)" or "(APP)".
    [GeneratedRegex(@"(?<=\S)[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,5}[)）]")]
    private static partial Regex PinyinAnnotation();
}

using System.Text;

namespace WorkPlanTracker.Features.Import.Documents;

/// <summary>A decoded text file and the encoding that produced it.</summary>
internal sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// Turns the bytes of a .txt (or .html) file into a string. Government offices save text in
/// UTF-8 (newer systems) or GBK/GB2312 (Windows Notepad "ANSI" on a Chinese system), rarely in
/// UTF-16; files carry no reliable declaration, so the choice is made from the bytes.
/// </summary>
internal static class TextFileDecoder
{
    public const string Utf8Name = "UTF-8";
    public const string Utf16Name = "UTF-16";
    public const string Gb18030Name = "GB18030";

    // Above this share of control or undecodable characters the "text" is not something a person typed.
    private const double MaxGarbageShare = 0.01;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Gb18030 = CreateGb18030();

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        var decoded = DecodeByBytes(bytes, fileName);
        if (CountGarbage(decoded.Text) > decoded.Text.Length * MaxGarbageShare)
        {
            throw ImportInputMessages.Binary(fileName);
        }

        return decoded;
    }

    /// <summary>Control characters other than line breaks and tabs, and characters no encoding could map.</summary>
    public static int CountGarbage(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                count++;
            }
        }

        return count;
    }

    private static DecodedText DecodeByBytes(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            try
            {
                return new(StrictUtf8.GetString(bytes[3..]), Utf8Name);
            }
            catch (DecoderFallbackException)
            {
                throw ImportInputMessages.InvalidUtf8(fileName);
            }
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(Encoding.Unicode.GetString(bytes[2..]), Utf16Name);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(Encoding.BigEndianUnicode.GetString(bytes[2..]), Utf16Name);
        }

        // Without a BOM, NUL never occurs in UTF-8 or GB18030 prose: it marks a binary file
        // (or BOM-less UTF-16, which no Chinese editor writes by default).
        if (bytes.Contains((byte)0))
        {
            throw ImportInputMessages.Binary(fileName);
        }

        try
        {
            return new(StrictUtf8.GetString(bytes), Utf8Name);
        }
        catch (DecoderFallbackException)
        {
            // GB18030 is a superset of GBK and GB2312, so it covers every legacy Chinese Windows file.
            return new(Gb18030.GetString(bytes), Gb18030Name);
        }
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }
}

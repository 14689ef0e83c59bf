using System.Text;

namespace InfraLint.Reliability.Tests;

/// <summary>Seeded mutations of real inputs: the kinds of damage files really suffer, and some hostile ones.</summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] Oddities =
        ["\uFEFF", "\0", "\uD800", "\uDFFF", "\r", "\r\n", "\u2028", "\u202E", "😀", "'", "\"", "${", "}", "]", "[[", "/*", "//", "\\", "@", "...", "[for", "if (", "resource", "existing"];

    private readonly Random random = new(seed);

    public string Mutate(string text)
    {
        var mutations = 1 + random.Next(3);
        for (var i = 0; i < mutations; i++)
            text = MutateOnce(text);
        return text;
    }

    private string MutateOnce(string text)
    {
        if (text.Length == 0)
            return Oddities[random.Next(Oddities.Length)];
        var at = random.Next(text.Length);
        var lines = text.Split('\n');
        switch (random.Next(9))
        {
            case 0: // truncation
                return text[..at];
            case 1: // byte flip
            {
                var chars = text.ToCharArray();
                chars[at] = (char)(chars[at] ^ (1 << random.Next(7)));
                return new string(chars);
            }
            case 2: // deleted line
            {
                var list = lines.ToList();
                list.RemoveAt(random.Next(list.Count));
                return string.Join('\n', list);
            }
            case 3: // duplicated line
            {
                var list = lines.ToList();
                var line = random.Next(list.Count);
                list.Insert(line, list[line]);
                return string.Join('\n', list);
            }
            case 4: // odd characters
                return text.Insert(at, Oddities[random.Next(Oddities.Length)]);
            case 5: // line endings mixed
                return string.Join(random.Next(2) == 0 ? "\r\n" : "\r", lines.Take(lines.Length / 2)) + "\n" + string.Join('\n', lines.Skip(lines.Length / 2));
            case 6: // a very long line
                return text.Insert(at, new string('x', 50_000 + random.Next(50_000)));
            case 7: // swapped halves
                return text[at..] + text[..at];
            default: // deep nesting inserted
                var depth = 500 + random.Next(2_000);
                var open = random.Next(2) == 0 ? "[" : "{ a: ";
                return text.Insert(at, new StringBuilder().Insert(0, open, depth).ToString());
        }
    }
}

/// <summary>Writes mutated text as bytes; lone surrogates become the invalid UTF-8 a broken editor writes.</summary>
internal static class MutatedFile
{
    public static void Write(string path, string text)
    {
        using var stream = File.Create(path);
        var utf8 = new UTF8Encoding(false);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var lone = char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (char.IsHighSurrogate(text[i]) && !lone)
            {
                i++;
                continue;
            }
            if (!lone)
                continue;
            stream.Write(utf8.GetBytes(text, start, i - start));
            int c = text[i];
            stream.Write([(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            start = i + 1;
        }
        stream.Write(utf8.GetBytes(text, start, text.Length - start));
    }
}

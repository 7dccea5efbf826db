namespace Curation.Rephrase.Prompts;

/// <summary>
/// The templates shipped with Curation under stable names: <c>rewire</c> (guided rewrite after REWIRE, arXiv 2506.04689)
/// and the four WRAP styles (arXiv 2401.16380). The wording is Curation's own, following the published structure.
/// </summary>
public static class BuiltInTemplates
{
    /// <summary>REWIRE's opening output tag; only text after it is kept.</summary>
    public const string RewireOutputStart = "<improved response starts>";

    /// <summary>REWIRE's closing output tag.</summary>
    public const string RewireOutputEnd = "<improved response ends>";

    /// <summary>The stable names, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rewire", "wrap-wikipedia", "wrap-qa", "wrap-easy", "wrap-hard"];

    /// <summary>The built-in template with this name.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the known ones).</exception>
    public static PromptTemplate Get(string name) => name switch
    {
        "rewire" => Rewire,
        "wrap-wikipedia" => WrapWikipedia,
        "wrap-qa" => WrapQa,
        "wrap-easy" => WrapEasy,
        "wrap-hard" => WrapHard,
        _ => throw new ArgumentException($"unknown template '{name}'; built-in templates are: {string.Join(", ", Names)} (or give a template file)"),
    };

    /// <summary>True when <paramref name="name"/> is one of <see cref="Names"/>.</summary>
    public static bool Contains(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Guided rewrite: analyse, reflect with meta-reasoning questions, plan, then write an improved response between tags.</summary>
    public static PromptTemplate Rewire { get; } = new("rewire", "1", """
        Here is a draft written by an AI assistant while it was working on a task or solving a problem. First work out what that task is. Then take the role of the most capable expert for it, and set down your reasoning and your plan before you write anything final: think about how you think, and plan before you solve.

        Reflect before acting. Use these questions to guide your thinking, one at a time:

        What is the heart of the problem, and which assumptions does it rest on?

        Can the problem be split into smaller parts, or made simpler?

        What are the usual ways to solve it, and what would change if the best current answer turned out to be entirely wrong?

        How should the best current answer be changed to make it better?

        Is the current direction the right one?

        Lay out a plan, step by step.

        Then write an improved response. Keep and reuse the details of the draft; the improved response must be at least as long as the draft. Give it clearer structure and formatting, reasoning that is more coherent and goes deeper, and leave out noise and digressions. Choose a different expert persona each time rather than always the same one.

        IMPORTANT: begin your analysis and thinking immediately, with no filler before it. Put your thinking between <thinking starts> and <thinking ends>, and put the improved response between <improved response starts> and <improved response ends>.

        Original Draft: {document}
        """, outputStart: RewireOutputStart, outputEnd: RewireOutputEnd);

    private const string WrapSystem =
        "You are a helpful assistant who rewrites text exactly as asked. You answer only with the rewritten text: no preamble, no comments about the task.";

    /// <summary>WRAP "medium" style: the register of a Wikipedia article.</summary>
    public static PromptTemplate WrapWikipedia { get; } = new("wrap-wikipedia", "1", """
        Rewrite the following text in well-formed, neutral English of the quality found in Wikipedia articles. Keep every fact, name and number; do not add information that is not in the text.

        Text:
        {document}
        """, system: WrapSystem);

    /// <summary>WRAP question-answer style: the content as a conversation of questions and answers.</summary>
    public static PromptTemplate WrapQa { get; } = new("wrap-qa", "1", """
        Turn the following text into a conversation made of several question and answer pairs. Write each pair as a line starting with "Question:" followed by a line starting with "Answer:". Cover all the information in the text and do not add facts that are not in it.

        Text:
        {document}
        """, system: WrapSystem);

    /// <summary>WRAP "easy" style: language a young child could follow.</summary>
    public static PromptTemplate WrapEasy { get; } = new("wrap-easy", "1", """
        Rewrite the following text in very simple words and short sentences, so that a small child could understand it. Keep the facts; do not add new ones.

        Text:
        {document}
        """, system: WrapSystem);

    /// <summary>WRAP "hard" style: dense, scholarly language.</summary>
    public static PromptTemplate WrapHard { get; } = new("wrap-hard", "1", """
        Rewrite the following text in terse, abstruse and precise language of the kind only specialist scholars would use. Keep every fact; do not add new ones.

        Text:
        {document}
        """, system: WrapSystem);
}

/// A formula as a tree, parsed from the TeX subset notebooks use; rendered as MathML Core for
/// pages and as Unicode text for the terminal.
///
/// Only the cases that hold other nodes directly are boxed (`indirect`): names, numbers and
/// operators, most of a formula, are stored in place.
public enum MathNode: Sendable, Equatable {
    /// A variable or function name (`x`, `δ`, `log`).
    case identifier(String)
    /// A number (`2`, `0.5`).
    case number(String)
    /// An operator or punctuation (`+`, `=`, `(`, `∑`); `large` for ∑ and ∏.
    case op(String, large: Bool)
    /// Upright text (`\text{for } |r| \le \delta`).
    case text(String)
    /// A sequence.
    case row([MathNode])
    /// numerator over denominator.
    indirect case fraction(MathNode, MathNode)
    /// A square root, or a root of the given index.
    indirect case root(MathNode, index: MathNode?)
    /// A base with a subscript and/or superscript; `limits` puts them under and over (∑ in display).
    indirect case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
    /// An accent over a base (`\hat{y}`).
    indirect case accent(MathNode, String)
    /// Stretchy delimiters around a body (`\left( ... \right)`); an empty string is no delimiter.
    indirect case fenced(open: String, close: String, MathNode)
    /// Rows of cells (from `\begin{cases}`), with a brace on the left.
    case cases([[MathNode]])
    /// Horizontal space in em.
    case space(Double)
    /// A delimiter drawn at a fixed height in em (`\big(` is 1.2, `\Big(` 1.8, `\bigg(` 2.4,
    /// `\Bigg(` 3); an empty string is no delimiter.
    case sized(String, height: Double)
}

extension String {
    /// Whether the string is the one scalar `scalar`: a comparison of scalars, where `==` on a
    /// string of symbols (−, ‖, ∫) would first check Unicode normalisation.
    func isScalar(_ scalar: Unicode.Scalar) -> Bool {
        var scalars = unicodeScalars.makeIterator()
        return scalars.next() == scalar && scalars.next() == nil
    }
}

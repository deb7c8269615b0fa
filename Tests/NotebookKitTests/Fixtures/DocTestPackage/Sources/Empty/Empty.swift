/// Nothing: the package needs one target besides its snippets.
public enum Empty {}

/// Centimetres in a metre.
public let centimetresPerMetre = 100.0

import Foundation

extension String {
    /// Whether the text's UTF-8 holds `byte`: one `memchr` over contiguous storage, so an
    /// unoptimised build does not step a generic iterator through every byte.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }
}

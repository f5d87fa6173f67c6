//! The fast reader as a serde deserializer, for `review.ron`: the file's
//! characters read by [`Cursor`], as ron reads them, and everything else
//! decided by the types' own serde code (`model`'s derives: their fields,
//! defaults, unknown fields, duplicates, `UniqueMap`, `select`'s reader),
//! exactly as under ron. So this reader has no rules of its own about what
//! a review holds: the one home of those is still the types.
//!
//! It mirrors ron's `Deserializer` step for step (commas, the optional
//! struct name, `Some(..)`, the end of a tuple, its recursion guards) for
//! the subset [`Cursor`] knows, and declines everything else: other
//! syntax, anything a type refuses, and every error. A declined text is
//! parsed by ron, which has the last word and the exact error messages
//! (`SourceText::parse_review`). Tests compare the two on generated,
//! hand-edited and broken files.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};

use super::cursor::Cursor;

/// The value of type `T` in `text`, or `None` when this reader declines it.
pub fn read<T: DeserializeOwned>(text: &str) -> Option<T> {
    read_from(text, false)
}

/// What a text written with ron's `IMPLICIT_SOME` begins with, as
/// panelist writes results.ron: that extension on, and nothing else.
const IMPLICIT_SOME: &str = "#![enable(implicit_some)]";

/// [`read`] of a text that begins with exactly [`IMPLICIT_SOME`] (as
/// results.ron does), whose options are then written without `Some`. Any
/// other beginning is declined (ron reads every other way of writing it).
pub fn read_implicit_some<T: DeserializeOwned>(text: &str) -> Option<T> {
    read_from(text.strip_prefix(IMPLICIT_SOME)?, true)
}

fn read_from<T: DeserializeOwned>(text: &str, implicit_some: bool) -> Option<T> {
    let mut reader = Reader {
        cursor: Cursor::new(text),
        depth: 0,
        implicit_some,
    };
    reader.cursor.ws()?;
    let value = T::deserialize(&mut reader).ok()?;
    reader.cursor.ws()?;
    reader.cursor.at_end().then_some(value)
}

/// Why a text was declined: never shown, as ron then reads it.
#[derive(Debug)]
pub struct Declined;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("declined")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<T: fmt::Display>(_message: T) -> Declined {
        Declined
    }
}

type Result<T> = std::result::Result<T, Declined>;

/// Below ron's recursion limit (64, `SourceText::parse`'s), counted at the
/// same steps as ron counts, so that what ron refuses as too deep is
/// declined here first.
const DEPTH_LIMIT: usize = 60;

struct Reader<'a> {
    cursor: Cursor<'a>,
    depth: usize,
    /// ron's `IMPLICIT_SOME`: an option's value may stand without `Some`.
    implicit_some: bool,
}

fn found<T>(value: Option<T>) -> Result<T> {
    value.ok_or(Declined)
}

impl<'a> Reader<'a> {
    /// One level deeper for `read`, as ron's `guard_recursion!`.
    fn guard<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= DEPTH_LIMIT {
            return Err(Declined);
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn ws(&mut self) -> Result<()> {
        found(self.cursor.ws())
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        found(self.cursor.expect(byte))
    }

    /// ron's `comma`: whitespace, and whether a comma came.
    fn comma(&mut self) -> Result<bool> {
        self.ws()?;
        let comma = self.cursor.eat(b',');
        self.ws()?;
        Ok(comma)
    }

    /// `open`, the elements up to `close` given to `visit`, and `close`.
    fn enclosed<T>(
        &mut self,
        (open, close): (u8, u8),
        keys: Keys,
        visit: impl FnOnce(Elements<'_, 'a>) -> Result<T>,
    ) -> Result<T> {
        self.expect(open)?;
        let value = self.guard(|reader| {
            visit(Elements {
                reader,
                close,
                keys,
                had_comma: true,
            })
        })?;
        self.ws()?;
        self.expect(close)?;
        Ok(value)
    }

    /// `(` fields `)`, the struct's name (if any) already read.
    fn struct_body<'de, V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value>
    where
        'a: 'de,
    {
        self.enclosed((b'(', b')'), Keys::Fields, |fields| {
            visitor.visit_map(fields)
        })
    }
}

/// How the keys of a map-like element list are written.
#[derive(Clone, Copy)]
enum Keys {
    /// A struct's: identifiers.
    Fields,
    /// A map's: values of the key's type.
    Values,
}

/// A list, map or struct's elements, as ron's `CommaSeparated`.
struct Elements<'r, 'a> {
    reader: &'r mut Reader<'a>,
    close: u8,
    keys: Keys,
    had_comma: bool,
}

impl Elements<'_, '_> {
    fn has_element(&mut self) -> Result<bool> {
        self.reader.ws()?;
        let more = self.reader.cursor.peek() != Some(self.close);
        match (self.had_comma, more) {
            (true, more) => Ok(more),
            (false, false) => Ok(false),
            (false, true) => Err(Declined),
        }
    }
}

impl<'de, 'a: 'de> de::SeqAccess<'de> for Elements<'_, 'a> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let value = self.reader.guard(|reader| seed.deserialize(reader))?;
        self.had_comma = self.reader.comma()?;
        Ok(Some(value))
    }
}

impl<'de, 'a: 'de> de::MapAccess<'de> for Elements<'_, 'a> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let keys = self.keys;
        self.reader
            .guard(|reader| match keys {
                Keys::Fields => {
                    let name = found(reader.cursor.ident())?;
                    seed.deserialize(BorrowedStrDeserializer::new(name))
                }
                Keys::Values => seed.deserialize(reader),
            })
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.ws()?;
        self.reader.expect(b':')?;
        self.reader.ws()?;
        let value = self.reader.guard(|reader| seed.deserialize(reader))?;
        self.had_comma = self.reader.comma()?;
        Ok(value)
    }
}

/// A variant of an enum, its name read first.
struct Variant<'r, 'a> {
    reader: &'r mut Reader<'a>,
}

impl<'de, 'a: 'de> de::EnumAccess<'de> for Variant<'_, 'a> {
    type Error = Declined;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        self.reader.ws()?;
        let value = self.reader.guard(|reader| {
            let name = found(reader.cursor.ident())?;
            seed.deserialize(BorrowedStrDeserializer::new(name))
        })?;
        Ok((value, self))
    }
}

impl<'de, 'a: 'de> de::VariantAccess<'de> for Variant<'_, 'a> {
    type Error = Declined;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        let reader = self.reader;
        reader.ws()?;
        reader.expect(b'(')?;
        reader.ws()?;
        let value = reader.guard(|reader| seed.deserialize(reader))?;
        reader.comma()?;
        reader.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        self.reader.ws()?;
        de::Deserializer::deserialize_tuple(self.reader, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.reader.ws()?;
        self.reader.struct_body(visitor)
    }
}

macro_rules! integers {
    ($($method:ident $visit:ident $ty:ty, $signed:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.$visit(found(self.cursor.integer::<$ty>($signed))?)
        }
    )*};
}

macro_rules! declined {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(Declined)
        }
    )*};
}

impl<'de, 'a: 'de> de::Deserializer<'de> for &mut Reader<'a> {
    type Error = Declined;

    /// Only what `select` (`places::read`) asks: a whole number, `None` or
    /// `Some(..)`. ron visits a small number as `u8` and so on, which a
    /// visitor takes as `u64` or `i64` unless it says otherwise.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.cursor.peek() {
            Some(b'0'..=b'9') => visitor.visit_u64(found(self.cursor.integer(false))?),
            Some(b'-') => visitor.visit_i64(found(self.cursor.integer(true))?),
            Some(b'N' | b'S') => self.deserialize_option(visitor),
            _ => Err(Declined),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_bool(found(self.cursor.boolean())?)
    }

    integers! {
        deserialize_i8 visit_i8 i8, true;
        deserialize_i16 visit_i16 i16, true;
        deserialize_i32 visit_i32 i32, true;
        deserialize_i64 visit_i64 i64, true;
        deserialize_u8 visit_u8 u8, false;
        deserialize_u16 visit_u16 u16, false;
        deserialize_u32 visit_u32 u32, false;
        deserialize_u64 visit_u64 u64, false;
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(found(self.cursor.number())?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match found(self.cursor.string())? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(found(self.cursor.ident())?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.implicit_some {
            // As ron: `None`, or else the value itself. `Some` is left to
            // ron, which may read it either way.
            let mut ahead = self.cursor;
            return match ahead.ident() {
                Some("None") => {
                    self.cursor = ahead;
                    visitor.visit_none()
                }
                Some("Some") => Err(Declined),
                _ => self.guard(|reader| visitor.visit_some(reader)),
            };
        }
        match found(self.cursor.ident())? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.ws()?;
                self.expect(b'(')?;
                self.ws()?;
                let value = self.guard(|reader| visitor.visit_some(reader))?;
                self.comma()?;
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(Declined),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.enclosed((b'[', b']'), Keys::Values, |elements| {
            visitor.visit_seq(elements)
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.enclosed((b'(', b')'), Keys::Values, |elements| {
            visitor.visit_seq(elements)
        })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.enclosed((b'{', b'}'), Keys::Values, |elements| {
            visitor.visit_map(elements)
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // ron's struct name is optional, and must be the type's if given.
        if self.cursor.peek() != Some(b'(') && found(self.cursor.ident())? != name {
            return Err(Declined);
        }
        self.ws()?;
        self.struct_body(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.guard(|reader| visitor.visit_enum(Variant { reader }))
    }

    declined! {
        deserialize_f32 deserialize_char deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(Declined)
    }
}

#[cfg(test)]
mod tests;

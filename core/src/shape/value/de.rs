//! The tree read as the typed model, through the same strict wrappers as text (natively only;
//! see `parse::rules_on_the_rest`). It follows serde_json's deserializer for its own `&Value`
//! case by case, numbers and errors included, so that a repaired document reads as the same
//! document would from text.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected, VariantAccess,
    Visitor,
};
use serde_json::Error;

use super::{Json, Member, Value};

impl Value<'_> {
    fn unexpected(&self) -> Unexpected<'_> {
        match &self.json {
            Json::Null => Unexpected::Unit,
            Json::Bool(b) => Unexpected::Bool(*b),
            Json::Number(_) => Unexpected::Other("number"),
            Json::String(s) => Unexpected::Str(s),
            Json::Array(_) => Unexpected::Seq,
            Json::Object(_) => Unexpected::Map,
        }
    }

    fn invalid<'de, V: Visitor<'de>>(&self, visitor: &V) -> Error {
        Error::invalid_type(self.unexpected(), visitor)
    }
}

fn seq<'de, V: Visitor<'de>>(items: &'de [Value<'_>], visitor: V) -> Result<V::Value, Error> {
    let mut access = Items(items.iter());
    let out = visitor.visit_seq(&mut access)?;
    match access.0.len() {
        0 => Ok(out),
        _ => Err(Error::invalid_length(items.len(), &"fewer elements in array")),
    }
}

fn map<'de, V: Visitor<'de>>(members: &'de [Member<'_>], visitor: V) -> Result<V::Value, Error> {
    let mut access = Members {
        iter: members.iter(),
        value: None,
    };
    let out = visitor.visit_map(&mut access)?;
    match access.iter.len() {
        0 => Ok(out),
        _ => Err(Error::invalid_length(members.len(), &"fewer elements in map")),
    }
}

/// Numbers go through serde_json's own `Number`, so they read exactly as from text.
macro_rules! number {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match &self.json {
                Json::Number(n) => n.$method(visitor),
                _ => Err(self.invalid(&visitor)),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for &'de Value<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.json {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(*b),
            Json::Number(n) => n.deserialize_any(visitor),
            Json::String(s) => visitor.visit_borrowed_str(s),
            Json::Array(items) => seq(items, visitor),
            Json::Object(members) => map(members, visitor),
        }
    }

    number!(
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
    );

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &self.json {
            Json::String(s) => visitor.visit_enum(Variant { name: s, value: None }),
            Json::Object(members) => match members.as_slice() {
                [m] => visitor.visit_enum(Variant {
                    name: &m.key,
                    value: Some(&m.value),
                }),
                _ => Err(Error::invalid_value(Unexpected::Map, &"map with a single key")),
            },
            _ => Err(Error::invalid_type(self.unexpected(), &"string or map")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Bool(b) => visitor.visit_bool(b),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.json {
            Json::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.json {
            Json::String(s) => visitor.visit_borrowed_str(s),
            Json::Array(items) => seq(items, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.json {
            Json::Null => visitor.visit_unit(),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.json {
            Json::Array(items) => seq(items, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.json {
            Json::Object(members) => map(members, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &self.json {
            Json::Array(items) => seq(items, visitor),
            Json::Object(members) => map(members, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct Items<'de, 't>(std::slice::Iter<'de, Value<'t>>);

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|v| seed.deserialize(v)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Members<'de, 't> {
    iter: std::slice::Iter<'de, Member<'t>>,
    value: Option<&'de Value<'t>>,
}

impl<'de> MapAccess<'de> for Members<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(m) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some(&m.value);
        seed.deserialize(BorrowedStrDeserializer::new(&m.key)).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        match self.value.take() {
            Some(v) => seed.deserialize(v),
            None => Err(Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An enum written as its variant's name, or as an object with the variant's name as its
/// one key.
struct Variant<'de, 't> {
    name: &'de str,
    value: Option<&'de Value<'t>>,
}

impl<'de, 't> EnumAccess<'de> for Variant<'de, 't> {
    type Error = Error;
    type Variant = Payload<'de, 't>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self::Variant), Error> {
        let name = seed.deserialize(BorrowedStrDeserializer::<Error>::new(self.name))?;
        Ok((name, Payload(self.value)))
    }
}

/// What an enum's variant holds: nothing, when it was written as a name alone.
struct Payload<'de, 't>(Option<&'de Value<'t>>);

impl<'de> VariantAccess<'de> for Payload<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            Some(v) => serde::Deserialize::deserialize(v),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        match self.0 {
            Some(v) => seed.deserialize(v),
            None => Err(Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.0.map(|v| &v.json) {
            Some(Json::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(Json::Array(items)) => seq(items, visitor),
            Some(_) | None => Err(Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0.map(|v| &v.json) {
            Some(Json::Object(members)) => map(members, visitor),
            Some(_) | None => Err(Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        }
    }
}

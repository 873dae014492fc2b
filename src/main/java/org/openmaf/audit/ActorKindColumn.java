package org.openmaf.audit;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link AuditRecord.ActorKind} as the lower-case words the schema documents. */
@Converter
public class ActorKindColumn implements AttributeConverter<AuditRecord.ActorKind, String> {

    @Override
    public String convertToDatabaseColumn(AuditRecord.ActorKind kind) {
        return kind == null ? null : kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public AuditRecord.ActorKind convertToEntityAttribute(String column) {
        return column == null ? null
                : AuditRecord.ActorKind.valueOf(column.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}

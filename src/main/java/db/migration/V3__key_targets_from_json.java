package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Moves each key's targetIDs from the JSON text column key_registration.target_ids into key_target rows, then drops
 * the column. In Java because PostgreSQL and H2 (dev) share no SQL function that splits a JSON array.
 */
public class V3__key_targets_from_json extends BaseJavaMigration {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Override
    public void migrate(Context context) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Statement select = context.getConnection().createStatement();
                ResultSet keys = select.executeQuery("select relative_key_id, target_ids from key_registration");
                PreparedStatement insert = context.getConnection().prepareStatement(
                        "insert into key_target (relative_key_id, target_index, target_id) values (?, ?, ?)")) {
            while (keys.next()) {
                List<String> targets = json.readValue(keys.getString(2), STRINGS);
                for (int i = 0; i < targets.size(); i++) {
                    insert.setString(1, keys.getString(1));
                    insert.setInt(2, i);
                    insert.setString(3, targets.get(i));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        try (Statement drop = context.getConnection().createStatement()) {
            drop.execute("alter table key_registration drop column target_ids");
        }
    }
}

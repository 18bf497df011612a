import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Prints the first column of the first row of one query against the bench's PostgreSQL, so the
 * Node bench clients can check what the node wrote (e.g. how many sockets presence counts).
 *   java -cp <postgresql jar> bench/BenchSql.java JDBC_URL "select count(*) from presence_connection"
 */
public class BenchSql {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(args[1])) {
            System.out.println(rs.next() ? rs.getString(1) : "");
        }
    }
}

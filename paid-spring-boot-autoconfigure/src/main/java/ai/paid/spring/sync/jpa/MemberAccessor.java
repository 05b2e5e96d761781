package ai.paid.spring.sync.jpa;

import java.beans.Introspector;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ReflectionUtils;

/**
 * Reads one field or getter of an entity, unwrapping Hibernate proxies first (a proxy's own fields are empty).
 */
final class MemberAccessor {

	private final Member member;

	private final String owner;

	private MemberAccessor(Member member, String owner) {
		this.member = member;
		this.owner = owner;
		if (member instanceof Field field) {
			ReflectionUtils.makeAccessible(field);
		}
		else {
			ReflectionUtils.makeAccessible((Method) member);
		}
	}

	static MemberAccessor of(Member member, Class<?> entityClass) {
		return new MemberAccessor(member, entityClass.getSimpleName());
	}

	/** The property name: the field name, or the getter name without {@code get}/{@code is}. */
	String propertyName() {
		if (this.member instanceof Field) {
			return this.member.getName();
		}
		String name = this.member.getName();
		if (name.startsWith("get") && name.length() > 3) {
			return Introspector.decapitalize(name.substring(3));
		}
		if (name.startsWith("is") && name.length() > 2) {
			return Introspector.decapitalize(name.substring(2));
		}
		return name;
	}

	boolean isMethod() {
		return this.member instanceof Method;
	}

	Class<?> type() {
		return (this.member instanceof Field field) ? field.getType() : ((Method) this.member).getReturnType();
	}

	Type genericType() {
		return (this.member instanceof Field field) ? field.getGenericType()
				: ((Method) this.member).getGenericReturnType();
	}

	AnnotatedElement annotated() {
		return (AnnotatedElement) this.member;
	}

	/** {@code Entity.member} for messages. */
	String describe() {
		return this.owner + "." + this.member.getName() + (isMethod() ? "()" : "");
	}

	@Nullable Object read(Object entity) {
		Object target = Hibernate.unproxy(entity);
		try {
			if (this.member instanceof Field field) {
				return field.get(target);
			}
			return ((Method) this.member).invoke(target);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read " + describe(), ex);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("Reading " + describe() + " failed", ex.getTargetException());
		}
	}

	@Override
	public String toString() {
		return describe();
	}

}
